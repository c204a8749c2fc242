using System.Globalization;
using Monitor.Warn.Lights;

namespace Monitor.Warn.Alerts;

/// <summary>
/// Light alerts of one series (or of the composite): red / blue with anti-flap (k of the last m periods) and hysteresis
/// (once open, held until the light is back to green), and a jump of two zones or more in one period. The state is replayed
/// over the whole light history, so the verdict depends only on the data, not on when the job last ran.
/// </summary>
public sealed class LightAlertRule(AlertPolicy policy)
{
    public IEnumerable<AlertCondition> Evaluate(string subject, string name, string nameZh, IReadOnlyList<(DateOnly Period, int Points)> lights)
    {
        if (lights.Count == 0) yield break;
        yield return Extreme(subject, name, nameZh, lights, hot: true);
        yield return Extreme(subject, name, nameZh, lights, hot: false);
        yield return Jump(subject, name, nameZh, lights);
    }

    private AlertCondition Extreme(string subject, string name, string nameZh, IReadOnlyList<(DateOnly Period, int Points)> lights, bool hot)
    {
        var extreme = hot ? 5 : 1;
        var active = false;
        var run = 0;
        var (lastRun, lastRunEnd) = (0, (DateOnly?)null);
        for (var t = 0; t < lights.Count; t++)
        {
            var p = lights[t].Points;
            run = p == extreme ? run + 1 : 0;
            if (run > 0) (lastRun, lastRunEnd) = (run, lights[t].Period);
            if (!active)
            {
                var hits = 0;
                for (var j = Math.Max(0, t - policy.M + 1); j <= t; j++) if (lights[j].Points == extreme) hits++;
                active = hits >= policy.K && p == extreme;
            }
            else
            {
                active = hot ? p > policy.RearmPoints : p < 6 - policy.RearmPoints;
            }
        }
        var last = lights[^1];
        var severity = run >= policy.CriticalAfterPeriods ? AlertRules.Critical : AlertRules.Warning;
        var colour = LightColours.Colour(extreme);
        var zone = LightColours.EnglishByPoints[extreme];
        var zoneZh = LightColours.ChineseByPoints[extreme];
        var now = LightColours.Colour(last.Points);
        return new AlertCondition($"{(hot ? AlertRules.LightRed : AlertRules.LightBlue)}:{subject}", hot ? AlertRules.LightRed : AlertRules.LightBlue,
            subject, last.Period, active, severity, colour,
            $"{name}: {colour} light ({zone})", $"{nameZh}：{(hot ? "红灯" : "蓝灯")}（{zoneZh}）",
            string.Create(CultureInfo.InvariantCulture, $"{name} is {now} in {last.Period:yyyy-MM}; {Streak(run, lastRun, lastRunEnd, colour)}."),
            string.Create(CultureInfo.InvariantCulture, $"{nameZh} {last.Period:yyyy年M月}信号为{LightColours.ChineseByPoints[last.Points]}；{StreakZh(run, lastRun, lastRunEnd, zoneZh)}。"));
    }

    // "已连续 0 期" said nothing: when the latest light is not the extreme one, say how long the last spell lasted and when it ended
    private static string Streak(int run, int lastRun, DateOnly? lastEnd, string colour) =>
        run > 0 ? string.Create(CultureInfo.InvariantCulture, $"{colour} in {run} consecutive period(s)")
        : lastEnd is { } end ? string.Create(CultureInfo.InvariantCulture, $"its last {colour} spell lasted {lastRun} period(s), to {end:yyyy-MM}")
        : $"never {colour} so far";

    private static string StreakZh(int run, int lastRun, DateOnly? lastEnd, string zoneZh) =>
        run > 0 ? string.Create(CultureInfo.InvariantCulture, $"已连续 {run} 期{zoneZh}")
        : lastEnd is { } end ? string.Create(CultureInfo.InvariantCulture, $"上一轮{zoneZh}持续 {lastRun} 期，至 {end:yyyy年M月}")
        : $"此前未出现{zoneZh}";

    private static AlertCondition Jump(string subject, string name, string nameZh, IReadOnlyList<(DateOnly Period, int Points)> lights)
    {
        var last = lights[^1];
        var previous = lights.Count > 1 ? lights[^2].Points : last.Points;
        var jump = last.Points - previous;
        var from = LightColours.Colour(previous);
        var to = LightColours.Colour(last.Points);
        return new AlertCondition($"{AlertRules.LightJump}:{subject}", AlertRules.LightJump, subject, last.Period, Math.Abs(jump) >= 2,
            AlertRules.Warning, to,
            $"{name}: light jumped from {from} to {to}", $"{nameZh}：信号灯由{LightColours.ChineseByPoints[previous]}跳至{LightColours.ChineseByPoints[last.Points]}",
            string.Create(CultureInfo.InvariantCulture, $"{name} moved {Math.Abs(jump)} zones in {last.Period:yyyy-MM} ({from} → {to})."),
            string.Create(CultureInfo.InvariantCulture, $"{nameZh} {last.Period:yyyy年M月}跨越 {Math.Abs(jump)} 个区间（{LightColours.ChineseByPoints[previous]} → {LightColours.ChineseByPoints[last.Points]}）。"));
    }
}

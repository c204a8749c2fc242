using Monitor.Warn.Lights;

namespace Monitor.Warn.Job;

/// <summary>What to write for one series' lights: nothing, only the periods after the last one stored, or everything again.</summary>
public readonly record struct LightWritePlan(bool Rewrite, int FirstToWrite, long Hash)
{
    public static LightWritePlan For(IReadOnlyList<LightReading> lights, (DateOnly? LastPeriod, long Hash)? stored)
    {
        var hash = HashOf(lights, lights.Count);
        if (stored is not { } s) return new LightWritePlan(true, 0, hash);
        if (s.Hash == hash) return new LightWritePlan(false, lights.Count, hash);
        var prefix = s.LastPeriod is { } last ? lights.TakeWhile(l => l.Period <= last).Count() : 0;
        return prefix > 0 && HashOf(lights, prefix) == s.Hash
            ? new LightWritePlan(false, prefix, hash)
            : new LightWritePlan(true, 0, hash);
    }

    /// <summary>FNV-1a over (period, points, metric) of the first <paramref name="count"/> lights.</summary>
    public static long HashOf(IReadOnlyList<LightReading> lights, int count)
    {
        unchecked
        {
            var h = (long)14695981039346656037UL;
            for (var i = 0; i < count; i++)
            {
                h = (h ^ lights[i].Period.DayNumber) * 1099511628211L;
                h = (h ^ lights[i].Points) * 1099511628211L;
                h = (h ^ BitConverter.DoubleToInt64Bits(lights[i].Metric)) * 1099511628211L;
            }
            return h;
        }
    }
}

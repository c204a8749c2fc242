using System.Globalization;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Anomalies;

/// <summary>One member of a panel (a province or industry) for one indicator and period, with its change on a year earlier.</summary>
public sealed record PanelValue(string SeriesId, string Member, double Change);

/// <summary>
/// Robust z-score of each member's change against its peers for the same indicator and period (median and MAD, modified
/// z of Iglewicz and Hoaglin). ML.NET RandomizedPca is not used here: the cross-section of one indicator in one period is a
/// single number per member, so there is no second dimension for a principal subspace to summarise; the robust z is exact.
/// </summary>
/// <param name="rearm">Over time (<see cref="DetectNew"/>) a flagged member is flagged again only after its |z| has fallen below this.</param>
public sealed class CrossSectionOutlierDetector(double threshold = 3.5, int minimumMembers = 5, double rearm = 2.0)
{
    /// <remarks>The finding's actual is the member's change, its expected value the peer median and its interval median ± threshold·scale, all in the change's units.</remarks>
    public IEnumerable<AnomalyFinding> Detect(string indicator, DateOnly period, IReadOnlyList<PanelValue> panel) =>
        Scores(indicator, period, panel).Where(s => Math.Abs(s.Score) >= threshold);

    /// <summary>
    /// Flags over a run of periods (ascending) only members that <em>become</em> outliers: a member that stays beyond the
    /// threshold after a level shift is one episode, flagged in its first month, not every month after. It can be flagged
    /// again once its |z| has fallen below the re-arm level, or when it crosses to the other side.
    /// </summary>
    public IEnumerable<AnomalyFinding> DetectNew(string indicator, IEnumerable<(DateOnly Period, IReadOnlyList<PanelValue> Panel)> periods)
    {
        var outlying = new Dictionary<string, int>(StringComparer.Ordinal); // member series → side it was flagged on
        foreach (var (period, panel) in periods)
        {
            foreach (var s in Scores(indicator, period, panel))
            {
                var side = Math.Sign(s.Score);
                if (Math.Abs(s.Score) < rearm) outlying.Remove(s.SeriesId);
                if (Math.Abs(s.Score) < threshold || outlying.GetValueOrDefault(s.SeriesId) == side) continue;
                outlying[s.SeriesId] = side;
                yield return s;
            }
        }
    }

    /// <summary>Every member's robust z as a finding (not yet thresholded); none when the panel is too small or flat.</summary>
    private IEnumerable<AnomalyFinding> Scores(string indicator, DateOnly period, IReadOnlyList<PanelValue> panel)
    {
        var values = panel.Where(p => double.IsFinite(p.Change)).ToList();
        if (values.Count < minimumMembers) yield break;
        var changes = values.Select(p => p.Change).ToList();
        var median = Robust.Median(changes);
        var scale = Robust.Scale(changes, median);
        if (!(scale > 0)) yield break;
        foreach (var member in values)
        {
            var z = (member.Change - median) / scale;
            yield return new AnomalyFinding(member.SeriesId, period, AnomalyKinds.CrossSection, z, member.Change, median,
                median - (threshold * scale), median + (threshold * scale),
                string.Create(CultureInfo.InvariantCulture,
                    $"{member.Member} moved {member.Change:+0.##;-0.##} against a peer median of {median:+0.##;-0.##} for {indicator} ({z:+0.0;-0.0} robust z across {values.Count} peers)."),
                string.Create(CultureInfo.InvariantCulture,
                    $"{member.Member} 的 {indicator} 变动 {member.Change:+0.##;-0.##}，同类中位数为 {median:+0.##;-0.##}（{values.Count} 个同类中稳健 z 值 {z:+0.0;-0.0}），与同类走势背离。"));
        }
    }
}

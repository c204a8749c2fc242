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
public sealed class CrossSectionOutlierDetector(double threshold = 3.5, int minimumMembers = 5)
{
    /// <remarks>The finding's actual is the member's change, its expected value the peer median and its interval median ± threshold·scale, all in the change's units.</remarks>
    public IEnumerable<AnomalyFinding> Detect(string indicator, DateOnly period, IReadOnlyList<PanelValue> panel)
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
            if (Math.Abs(z) < threshold) continue;
            yield return new AnomalyFinding(member.SeriesId, period, AnomalyKinds.CrossSection, z, member.Change, median,
                median - (threshold * scale), median + (threshold * scale),
                string.Create(CultureInfo.InvariantCulture,
                    $"{member.Member} moved {member.Change:+0.##;-0.##} against a peer median of {median:+0.##;-0.##} for {indicator} ({z:+0.0;-0.0} robust z across {values.Count} peers)."),
                string.Create(CultureInfo.InvariantCulture,
                    $"{member.Member} 的 {indicator} 变动 {member.Change:+0.##;-0.##}，同类中位数为 {median:+0.##;-0.##}（{values.Count} 个同类中稳健 z 值 {z:+0.0;-0.0}），与同类走势背离。"));
        }
    }
}

using Monitor.Core.Domain;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Alerts;

/// <summary>
/// Gives each alert condition its group (see <see cref="AlertGroupTag"/>): a late release is read per dataset (one group
/// per source, listing its late series), an indicator's variants under its family (the set member's, else the code stem),
/// a composite under its index. The weight is the set member's weight, <see cref="AlertPolicy.OutsideSetWeight"/> outside
/// the set and <see cref="AlertPolicy.IndexWeight"/> for composites.
/// </summary>
public sealed class AlertGrouping(AlertPolicy policy, EconomySets economies, IReadOnlyList<SeriesInfo> catalogue)
{
    public const string SourceKind = "source";
    public const string FamilyKind = "family";
    public const string IndexKind = "index";

    private readonly Dictionary<string, SeriesInfo> _byId = catalogue.ToDictionary(s => s.SeriesId, StringComparer.Ordinal);

    // the series that names a family outside the sets: the one whose code is the stem, else the shortest code
    private readonly Dictionary<(string, string, string), SeriesInfo> _stems = catalogue
        .GroupBy(s => (s.Dataset, s.Economy, IndicatorFamily.Stem(s.Code)))
        .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Code == g.Key.Item3 ? 0 : 1).ThenBy(s => s.Code.Length).ThenBy(s => s.Code, StringComparer.Ordinal).First());

    public AlertGroupTag Source(SeriesInfo series) =>
        new($"{SourceKind}:{series.Dataset}", SourceKind, series.CountryOrRegionPrefix, series.Dataset, series.Dataset, Weight(series));

    public AlertGroupTag Family(SeriesInfo series)
    {
        if (economies.Membership(series.SeriesId) is { } m)
        {
            var shown = _byId.GetValueOrDefault(m.Member.SeriesId) ?? series;
            return new($"{FamilyKind}:{m.Set.Economy}:{m.Member.SeriesId}", FamilyKind, m.Set.Economy, shown.Name, shown.NameZh, m.Member.Weight);
        }
        var key = (series.Dataset, series.Economy, IndicatorFamily.Stem(series.Code));
        var named = _stems.GetValueOrDefault(key) ?? series;
        return new($"{FamilyKind}:{series.Economy}:{series.Dataset}:{key.Item3}", FamilyKind, series.Economy, named.Name, named.NameZh, policy.OutsideSetWeight);
    }

    public AlertGroupTag Index(string indexCode, string economy, string name, string? nameZh) =>
        new($"{IndexKind}:{indexCode}", IndexKind, economy, name, nameZh, policy.IndexWeight);

    private double Weight(SeriesInfo series) => economies.Membership(series.SeriesId)?.Member.Weight ?? policy.OutsideSetWeight;
}

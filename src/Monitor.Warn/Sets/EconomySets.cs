using Monitor.Core.Domain;

namespace Monitor.Warn.Sets;

/// <summary>Where a series sits in an economy's active set: the set, the member whose family it belongs to, and whether it is the shown variant.</summary>
public sealed record SetMembership(IndicatorSet Set, IndicatorSetMember Member, bool Preferred);

/// <summary>
/// The indicator sets resolved against the catalogue: per economy the active set (of the sets configured for it, the one
/// with the most members in the store; the first on a tie), and for every series its family membership. Members missing
/// from the store are listed, and everything is computed from the rest.
/// </summary>
public sealed class EconomySets
{
    private readonly Dictionary<string, IndicatorSet> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SetMembership> _membership = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _missing = new(StringComparer.Ordinal);

    private EconomySets()
    {
    }

    public IReadOnlyDictionary<string, IndicatorSet> Active => _active;

    public static EconomySets Resolve(IEnumerable<IndicatorSet> sets, IReadOnlyList<SeriesInfo> catalogue)
    {
        var result = new EconomySets();
        var byId = catalogue.ToDictionary(s => s.SeriesId, StringComparer.Ordinal);
        foreach (var group in sets.GroupBy(s => s.Economy, StringComparer.Ordinal))
        {
            var best = group.Select((set, order) => (set, order, present: set.Members.Count(m => byId.ContainsKey(m.SeriesId))))
                .OrderByDescending(x => x.present).ThenBy(x => x.order).First().set;
            result._active[group.Key] = best;
            result._missing[best.Code] = best.Members.Where(m => !byId.ContainsKey(m.SeriesId)).Select(m => m.SeriesId).ToList();
        }
        foreach (var set in result._active.Values)
        {
            foreach (var member in set.Members)
            {
                if (!byId.TryGetValue(member.SeriesId, out var shown)) continue;
                result._membership[shown.SeriesId] = new SetMembership(set, member, Preferred: true);
                var stem = string.IsNullOrEmpty(member.Family) ? IndicatorFamily.Stem(shown.Code) : member.Family;
                foreach (var variant in catalogue.Where(s => s.Dataset == shown.Dataset && s.Economy == shown.Economy && IndicatorFamily.Contains(stem, s.Code)))
                    result._membership.TryAdd(variant.SeriesId, new SetMembership(set, member, Preferred: false));
            }
        }
        return result;
    }

    /// <summary>The set of the economy, or null when none is configured for it.</summary>
    public IndicatorSet? For(string economy) => _active.GetValueOrDefault(economy);

    public SetMembership? Membership(string seriesId) => _membership.GetValueOrDefault(seriesId);

    /// <summary>Members of the set that are not in the store (the page says so; the set computes from the rest).</summary>
    public IReadOnlyList<string> Missing(IndicatorSet set) => _missing.GetValueOrDefault(set.Code) ?? [];
}

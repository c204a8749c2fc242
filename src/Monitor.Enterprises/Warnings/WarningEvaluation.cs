using Monitor.Core.Store;
using Monitor.Enterprises.Samples;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// Scores the stored firm warnings against the sample's planted episodes. An episode is found when a warning of its
/// kind (exit: exit or silent) falls in the six months from its start. A flag event is a run of consecutive months
/// with one kind for one firm; it is false when no episode of that firm started up to twelve months before it.
/// </summary>
public sealed class WarningEvaluation(MonitorStore store)
{
    /// <summary>Recall over episodes, and the share of flag events that match no episode.</summary>
    public sealed record Score(int Episodes, int Found, int Events, int FalseEvents)
    {
        public double Recall => Episodes == 0 ? 0 : (double)Found / Episodes;

        public double FalseShare => Events == 0 ? 0 : (double)FalseEvents / Events;

        public override string ToString() =>
            $"recall {Recall:P1} ({Found}/{Episodes} episodes), false flags {FalseShare:P1} ({FalseEvents}/{Events} flag events)";
    }

    public Score Evaluate(IReadOnlyList<DistressLabel> labels)
    {
        using var connection = store.Open();
        var flags = Sql.Rows(connection, "SELECT enterprise_id, period, kind FROM enterprise_warnings ORDER BY enterprise_id, kind, period",
            r => (Id: r.GetString(0), Period: DateOnly.FromDateTime(r.GetDateTime(1)), Kind: r.GetString(2)));
        var byFirm = flags.ToLookup(f => f.Id);
        var found = labels.Count(l => byFirm[l.EnterpriseId].Any(f => Matches(l.Kind, f.Kind) && f.Period >= l.Start && f.Period <= l.Start.AddMonths(6)));

        var events = flags.Where((f, i) => i == 0 || flags[i - 1].Id != f.Id || flags[i - 1].Kind != f.Kind || flags[i - 1].Period.AddMonths(1) != f.Period).ToList();
        var episodes = labels.ToLookup(l => l.EnterpriseId);
        var falseEvents = events.Count(e => !episodes[e.Id].Any(l => e.Period >= l.Start && e.Period <= l.Start.AddMonths(12)));
        return new Score(labels.Count, found, events.Count, falseEvents);
    }

    private static bool Matches(string label, string kind) => label switch
    {
        EnterpriseSampleGenerator.SharpFall => kind == "fall",
        EnterpriseSampleGenerator.StopReporting => kind == "silent",
        EnterpriseSampleGenerator.Divergence => kind == "divergence",
        _ => kind is "exit" or "silent",
    };
}

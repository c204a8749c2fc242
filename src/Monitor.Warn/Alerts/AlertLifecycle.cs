namespace Monitor.Warn.Alerts;

/// <summary>The stored state of an alert (one row of alerts) as far as the lifecycle needs it.</summary>
public sealed record AlertState(long AlertId, string DedupKey, string State, string Severity, DateOnly? Period, string Title, string? Message, DateTime? MutedUntil);

/// <summary>What to do with one condition: the event to record (or none) and the row values to write.</summary>
public sealed record AlertChange(string? Event, string State, AlertCondition Condition, bool Insert);

/// <summary>
/// Alert states open → acknowledged → resolved, plus muted. A condition that starts to hold opens (or reopens) its alert;
/// a higher severity escalates it (an acknowledged alert is opened again); a condition that no longer holds resolves it.
/// A muted alert stays muted while the condition holds until its mute expires. Nothing changes when nothing changed.
/// </summary>
public static class AlertLifecycle
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Muted = "muted";
    public const string Resolved = "resolved";

    public static AlertChange? Decide(AlertState? existing, AlertCondition condition, DateTime nowUtc)
    {
        if (existing is null) return condition.Active ? new AlertChange("opened", Open, condition, Insert: true) : null;
        if (existing.State == Resolved) return condition.Active ? new AlertChange("reopened", Open, condition, Insert: false) : null;
        if (!condition.Active) return new AlertChange("resolved", Resolved, condition, Insert: false);

        var muted = existing.State == Muted && (existing.MutedUntil is null || existing.MutedUntil > nowUtc);
        if (AlertRules.Rank(condition.Severity) > AlertRules.Rank(existing.Severity))
            return new AlertChange("escalated", muted ? Muted : Open, condition, Insert: false);

        var state = existing.State == Muted && !muted ? Open : existing.State;
        var changed = state != existing.State || existing.Period != condition.Period || existing.Title != condition.Title || existing.Message != condition.Message;
        // a lower severity is kept as it was: de-escalation is not news, resolution is
        return changed ? new AlertChange(null, state, condition with { Severity = existing.Severity }, Insert: false) : null;
    }
}

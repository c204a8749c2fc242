using Monitor.Core.Domain;

namespace Monitor.Warn.Alerts;

/// <summary>Whether a series' releases keep coming: on time, late (the next period is past due), stopped, or not in the store.</summary>
public enum ReleaseState
{
    OnTime,
    Late,
    Stopped,
    Missing,
}

/// <summary>
/// The release judgement of the "data not arrived" rule: the period after the latest one is due at its end plus the grace
/// days of its frequency (Warn:Alerts:ReleaseGraceDays). Late once past due; stopped once <see cref="StoppedAfterPeriods"/>
/// further periods are past due too (a series no longer published, not one delayed).
/// </summary>
public static class ReleaseStatus
{
    public const int StoppedAfterPeriods = 3;

    public static DateOnly Due(Frequency frequency, DateOnly latestPeriod, AlertPolicy policy, int periodsAhead = 1) =>
        frequency.AddPeriods(latestPeriod, periodsAhead + 1).AddDays(-1).AddDays(policy.ReleaseGraceDays.GetValueOrDefault(frequency.Code(), 60));

    public static ReleaseState Of(Frequency frequency, DateOnly latestPeriod, DateOnly today, AlertPolicy policy) =>
        today <= Due(frequency, latestPeriod, policy) ? ReleaseState.OnTime
        : today <= Due(frequency, latestPeriod, policy, 1 + StoppedAfterPeriods) ? ReleaseState.Late
        : ReleaseState.Stopped;
}

using Monitor.Core.Domain;
using Monitor.Core.RealTime;

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
/// Release judgements. <see cref="Due(Frequency, DateOnly, AlertPolicy, int)"/> is the "data not arrived" rule's: the period
/// after the latest one is due at its end plus the grace days of its frequency. <see cref="Of(ReleaseSchedule, DateOnly, DateOnly)"/>
/// judges freshness on the release calendar: late once the next period's release date (plus <see cref="ToleranceDays"/>)
/// has passed, stopped once the releases of <see cref="StoppedAfterPeriods"/> further periods have passed too (a series
/// no longer published, not one delayed).
/// </summary>
public static class ReleaseStatus
{
    public const int StoppedAfterPeriods = 3;

    public const int ToleranceDays = 7;

    public static DateOnly Due(Frequency frequency, DateOnly latestPeriod, AlertPolicy policy, int periodsAhead = 1) =>
        frequency.AddPeriods(latestPeriod, periodsAhead + 1).AddDays(-1).AddDays(policy.ReleaseGraceDays.GetValueOrDefault(frequency.Code(), 60));

    public static ReleaseState Of(ReleaseSchedule schedule, DateOnly latestPeriod, DateOnly today)
    {
        DateOnly DueOf(int ahead) => schedule.ReleaseDate(schedule.Frequency.AddPeriods(latestPeriod, ahead)).AddDays(ToleranceDays);
        return today <= DueOf(1) ? ReleaseState.OnTime : today <= DueOf(1 + StoppedAfterPeriods) ? ReleaseState.Late : ReleaseState.Stopped;
    }
}

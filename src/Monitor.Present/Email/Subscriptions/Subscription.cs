using Monitor.Present.Email.Schedule;

namespace Monitor.Present.Email.Subscriptions;

/// <summary>One subscriber's address, language, alert filters and digest schedule, with its digest cursor.</summary>
public sealed record Subscription(
    long SubscriptionId,
    string Address,
    string Language,
    AlertFilter Filter,
    Cadence Cadence,
    int ImmediateMinutes,
    TimeOnly LocalTime,
    DayOfWeek Weekday,
    string TimeZone,
    DateTime CreatedAt,
    string? CreatedBy,
    bool Active,
    long CursorEventId,
    DateTime? LastPeriodEnd = null)
{
    public bool Chinese => Language == "zh";

    /// <summary>Periods ending at or before this instant (UTC) are done: the last one dealt with, or the subscription time.</summary>
    public DateTime DoneUntil => LastPeriodEnd ?? CreatedAt;

    /// <summary>The subscription's digest periods in its own time zone.</summary>
    public DigestSchedule Schedule() =>
        new(Cadence, TimeZoneInfo.FindSystemTimeZoneById(TimeZone), LocalTime, Weekday, ImmediateMinutes);
}

/// <summary>Which alerts a subscriber wants: empty fields match everything.</summary>
public sealed record AlertFilter(string? Domain, string? RegionCode, string? IndustryCode, string? SeriesId, string MinSeverity);

/// <summary>Alert severities in rising order, as stored in alerts.severity.</summary>
public static class Severities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Info, Warning, Critical];

    public static int Rank(string? severity) => severity switch { Critical => 3, Warning => 2, _ => 1 };

    public static bool IsValid(string? severity) => severity is Info or Warning or Critical;
}

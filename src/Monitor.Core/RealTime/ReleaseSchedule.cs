using Monitor.Core.Domain;

namespace Monitor.Core.RealTime;

/// <summary>The release calendar of one series: its publication-lag rule and the explicit dates its source states.</summary>
public sealed class ReleaseSchedule(ReleaseRule rule, Frequency frequency, IReadOnlyDictionary<DateOnly, DateOnly> explicitDates)
{
    /// <summary>The rule the series follows where no explicit date is stated.</summary>
    public ReleaseRule Rule => rule;

    public Frequency Frequency => frequency;

    /// <summary>The day the value of <paramref name="period"/> was (or will be) published.</summary>
    public DateOnly ReleaseDate(DateOnly period) =>
        explicitDates.TryGetValue(period, out var stated) ? stated : rule.ReleaseDate(frequency, period);

    /// <summary>The moment that value became known: the start (00:00 UTC) of its release day.</summary>
    public DateTime KnownFrom(DateOnly period) => ReleaseDate(period).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

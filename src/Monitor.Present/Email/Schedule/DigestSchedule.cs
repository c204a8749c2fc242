namespace Monitor.Present.Email.Schedule;

/// <summary>
/// When a subscription's digests fall due, worked out in its own time zone. Daily and weekly digests are due at a local
/// time of day; a local time that does not exist (spring-forward gap) moves to the instant the clocks jump, and a local
/// time that occurs twice (fall-back overlap) counts once, at its first occurrence. Immediate digests use N-minute
/// periods aligned on UTC midnight, so they ignore the time zone.
/// </summary>
public sealed record DigestSchedule(Cadence Cadence, TimeZoneInfo Zone, TimeOnly LocalTime, DayOfWeek Weekday, int ImmediateMinutes = 15)
{
    /// <summary>The latest period that has ended at or before <paramref name="now"/>: the one a digest is due for.</summary>
    public DigestPeriod LatestDue(DateTimeOffset now)
    {
        var end = LatestEndAtOrBefore(now);
        return new DigestPeriod(LatestEndAtOrBefore(end.AddTicks(-1)), end);
    }

    /// <summary>The scheduled instant of a digest on a local date (daily and weekly cadences).</summary>
    public DateTimeOffset OccurrenceOn(DateOnly localDate) => LocalClock.ToInstant(localDate, LocalTime, Zone);

    private DateTimeOffset LatestEndAtOrBefore(DateTimeOffset instant)
    {
        if (Cadence == Cadence.Immediate) return ImmediateEnd(instant);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        // Two weeks back covers every weekly case even next to a time-zone transition.
        for (var date = today.AddDays(1); date >= today.AddDays(-14); date = date.AddDays(-1))
        {
            if (Cadence == Cadence.Weekly && date.DayOfWeek != Weekday) continue;
            var occurrence = OccurrenceOn(date);
            if (occurrence <= instant) return occurrence;
        }
        throw new InvalidOperationException($"no {Cadence} digest time found before {instant:O} in {Zone.Id}");
    }

    private DateTimeOffset ImmediateEnd(DateTimeOffset instant)
    {
        var slot = TimeSpan.FromMinutes(Math.Clamp(ImmediateMinutes, 1, 1440)).Ticks;
        var utcTicks = instant.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % slot), TimeSpan.Zero);
    }
}

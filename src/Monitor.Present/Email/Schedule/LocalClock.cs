namespace Monitor.Present.Email.Schedule;

/// <summary>Turns a wall-clock time in a time zone into one instant, resolving daylight-saving gaps and overlaps.</summary>
public static class LocalClock
{
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // Clocks went back: the time happens twice; the first occurrence has the larger (daylight) offset.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }
        if (zone.IsInvalidTime(local))
        {
            // Clocks jumped forward over this time: use the first valid minute after it, i.e. the instant of the jump.
            var valid = local;
            for (var i = 0; i < 24 * 60 && zone.IsInvalidTime(valid); i++) valid = valid.AddMinutes(1);
            return new DateTimeOffset(valid, zone.GetUtcOffset(valid));
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

namespace Monitor.Present.Email.Schedule;

/// <summary>How often a subscriber hears about alert changes.</summary>
public enum Cadence
{
    /// <summary>Within N minutes of the change (N-minute periods aligned on UTC).</summary>
    Immediate,

    /// <summary>Once a day at a local time.</summary>
    Daily,

    /// <summary>Once a week on a weekday at a local time.</summary>
    Weekly,
}

/// <summary>The stored names of <see cref="Cadence"/> ("immediate", "daily", "weekly").</summary>
public static class CadenceNames
{
    public static string Name(this Cadence cadence) => cadence switch
    {
        Cadence.Immediate => "immediate",
        Cadence.Daily => "daily",
        _ => "weekly",
    };

    public static bool TryParse(string? text, out Cadence cadence)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "immediate": cadence = Cadence.Immediate; return true;
            case "daily": cadence = Cadence.Daily; return true;
            case "weekly": cadence = Cadence.Weekly; return true;
            default: cadence = default; return false;
        }
    }

    public static Cadence Parse(string text) =>
        TryParse(text, out var cadence) ? cadence : throw new FormatException($"unknown cadence '{text}'");
}

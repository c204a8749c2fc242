namespace Monitor.Web.Security;

/// <summary>
/// Per-account lockout with back-off (configuration section "Security:Lockout"): after <see cref="Threshold"/> failed
/// sign-ins in a row an account pauses for <see cref="FirstPause"/>, each further failure after a pause doubles it, up
/// to <see cref="MaxPause"/>. It complements the per-address rate limit, which a spread-out guessing attack evades.
/// </summary>
public sealed class LockoutOptions
{
    public const string Section = "Security:Lockout";

    public int Threshold { get; set; } = 5;

    public TimeSpan FirstPause { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxPause { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The pause after the <paramref name="failures"/>-th failure in a row; zero below the threshold.</summary>
    public TimeSpan PauseAfter(int failures)
    {
        if (failures < Threshold) return TimeSpan.Zero;
        var doublings = Math.Min(failures - Threshold, 30);
        var pause = FirstPause * Math.Pow(2, doublings);
        return pause < MaxPause ? pause : MaxPause;
    }
}

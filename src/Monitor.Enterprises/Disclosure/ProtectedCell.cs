using Monitor.Enterprises.Aggregates;

namespace Monitor.Enterprises.Disclosure;

/// <summary>
/// A cell after disclosure control: either its figures, or hidden with the reason 保密. Which rule hid it is kept
/// out of every output (saying "dominance" would tell that one firm holds more than the threshold).
/// </summary>
public sealed record ProtectedCell(IReadOnlyList<string> Codes, long Firms, double? Value, double? SameSampleGrowth, bool Suppressed)
{
    /// <summary>The reason shown for a hidden cell.</summary>
    public const string Reason = "保密";

    /// <summary>How a hidden value is shown: a dash, never 0.</summary>
    public const string Hidden = "—";

    public string? ReasonText => Suppressed ? Reason : null;
}

/// <summary>Why a cell was hidden, for tests and the audit of the rules only (never shown).</summary>
internal enum SuppressionKind { None, Threshold, Dominance, Secondary }

/// <summary>A raw cell and its suppression state while the rules run.</summary>
internal sealed class WorkingCell(AggregateCell cell)
{
    public AggregateCell Cell { get; } = cell;

    public SuppressionKind Kind { get; set; }

    public bool Hidden => Kind != SuppressionKind.None;
}

namespace Monitor.Nowcast.Evaluation;

/// <summary>The settings chosen by the pre-2000 searches (docs/nowcast.md); the evaluation uses them, the product's US target mirrors them in appsettings.</summary>
public static class NowcastDefaults
{
    /// <summary>The blocks of <see cref="Us"/> (FRED-MD codes); declared first, static fields initialise in order.</summary>
    public static IReadOnlyDictionary<string, string[]> UsBlocks { get; } = new Dictionary<string, string[]>
    {
        ["real"] = ["INDPRO", "CUMFNS", "RETAILx", "DPCERA3M086SBEA", "W875RX1", "AMDMNOx", "CMRMTSPLx", "HOUST", "PERMIT"],
        ["labour"] = ["PAYEMS", "UNRATE", "AWHMAN", "CLAIMSx"],
        ["nominal"] = ["CPIAUCSL", "PPICMM", "M2REAL"],
        ["financial"] = ["S&P 500", "T10YFFM", "BAAFFM", "UMCSENTx"],
    };

    /// <summary>
    /// The New York Fed's block structure: the peer's 20 indicators on a global factor plus one factor per block (real
    /// activity, labour, nominal, financial and sentiment); GDP on the global factor only; AR(1) factors; estimation
    /// from 1960; the spread from the last 20 quarters' errors (search round 3, 1985–1999 only).
    /// </summary>
    public static NowcastSettings Us { get; } = new(NowcastSettings.PeerIndicators, UsBlocks, 1, new DateOnly(1960, 1, 1), ErrorWindowQuarters: 20);
}

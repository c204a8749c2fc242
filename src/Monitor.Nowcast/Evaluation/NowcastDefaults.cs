namespace Monitor.Nowcast.Evaluation;

/// <summary>The settings chosen by the pre-2000 searches (docs/nowcast.md); the evaluation uses them, the product's US target mirrors them in appsettings.</summary>
public static class NowcastDefaults
{
    /// <summary>The blocks of <see cref="Us"/> (FRED-MD codes); declared first, static fields initialise in order.</summary>
    public static IReadOnlyDictionary<string, string[]> UsBlocks { get; } = new Dictionary<string, string[]>
    {
        ["real"] = ["INDPRO", "CUMFNS", "RETAILx", "DPCERA3M086SBEA", "W875RX1", "AMDMNOx", "CMRMTSPLx", "HOUST", "PERMIT"],
        ["labour"] = ["PAYEMS", "UNRATE", "AWHMAN", "CLAIMSx"],
    };

    /// <summary>
    /// The peer's 20 indicators on a global factor plus a real-activity and a labour block factor (the nominal and
    /// financial series load on the global factor only); GDP on the global factor only; AR(1) factors; estimation from
    /// 1960; the spread from the last 20 quarters' errors. Search round 4 (1985–1999 only, each year's EM from its
    /// principal components): within 0.01 of the best mean RMSE, the model with fewer blocks than round 3's four.
    /// </summary>
    public static NowcastSettings Us { get; } = new(NowcastSettings.PeerIndicators, UsBlocks, 1, new DateOnly(1960, 1, 1), ErrorWindowQuarters: 20);
}

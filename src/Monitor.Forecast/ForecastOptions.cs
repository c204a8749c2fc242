namespace Monitor.Forecast;

/// <summary>Options of the forecast stage (configuration section "Forecast").</summary>
public sealed class ForecastOptions
{
    public const string Section = "Forecast";

    /// <summary>The method the product uses: "ensemble" (chosen per frequency by rolling-origin backtests) or one model's name.</summary>
    public string DefaultMethod { get; set; } = "ensemble";

    /// <summary>Members the ensemble may combine.</summary>
    public List<string> Candidates { get; set; } = ["theta", "ets", "comb", "lgbm", "lgbm_short"];

    /// <summary>Fewest members the chosen ensemble may have.</summary>
    public int MinimumMembers { get; set; } = 3;

    /// <summary>Forecast steps per frequency code (M4 horizons for M/Q/A; 8 weeks, 14 days).</summary>
    public Dictionary<string, int> Horizons { get; set; } = new() { ["A"] = 6, ["Q"] = 8, ["M"] = 18, ["W"] = 13, ["D"] = 14 };

    /// <summary>Rolling origins used to choose the ensemble and calibrate the intervals.</summary>
    public int Origins { get; set; } = 2;

    /// <summary>Latest origins held back from that choice and calibration; the stored accuracy is scored on them (out of sample).</summary>
    public int HeldOutOrigins { get; set; } = 1;

    /// <summary>Periods at the end of each series that get one-step-ahead expanding-window forecasts (for the warning stage).</summary>
    public int OneStepPeriods { get; set; } = 36;

    /// <summary>Members of the one-step forecasts (statistical only: the global model is not refit per period).</summary>
    public List<string> OneStepMembers { get; set; } = ["theta", "damped"];

    /// <summary>Threads of one run or shard (statistical members, global-model scoring, one-step checks); the rows do not depend on it.</summary>
    public int Threads { get; set; } = 1;

    public int HorizonFor(string frequencyCode) => Horizons.TryGetValue(frequencyCode, out var h) && h > 0 ? h : 8;
}

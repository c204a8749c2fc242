namespace Monitor.Forecast.Models;

/// <summary>Trend component of a non-seasonal exponential smoothing model.</summary>
public enum TrendKind
{
    None,
    Additive,
    Damped,
}

/// <summary>An ETS(E,T,N) specification: additive or multiplicative error, none/additive/damped trend.</summary>
public readonly record struct EtsSpec(bool MultiplicativeError, TrendKind Trend)
{
    public string Code => $"{(MultiplicativeError ? 'M' : 'A')}{Trend switch { TrendKind.None => "N", TrendKind.Additive => "A", _ => "Ad" }}N";

    /// <summary>Smoothing parameters plus initial states plus the error variance (for AICc).</summary>
    public int ParameterCount => Trend switch { TrendKind.None => 2, TrendKind.Additive => 4, _ => 5 } + 1;

    public static readonly EtsSpec[] All =
    [
        new(false, TrendKind.None), new(false, TrendKind.Additive), new(false, TrendKind.Damped),
        new(true, TrendKind.None), new(true, TrendKind.Additive), new(true, TrendKind.Damped),
    ];
}

/// <summary>A fitted ETS(E,T,N) model: its parameters, final states and information criterion.</summary>
public sealed record EtsFit(EtsSpec Spec, double Alpha, double Beta, double Phi, double Level, double Slope, double Sse, double Aicc)
{
    public double[] Forecast(int horizon)
    {
        var result = new double[horizon];
        var damp = 0.0;
        var phiPower = 1.0;
        for (var k = 0; k < horizon; k++)
        {
            if (Spec.Trend != TrendKind.None)
            {
                phiPower *= Spec.Trend == TrendKind.Damped ? Phi : 1;
                damp += phiPower;
            }
            result[k] = Level + damp * Slope;
        }
        return result;
    }
}

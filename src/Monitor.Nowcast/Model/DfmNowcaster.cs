namespace Monitor.Nowcast.Model;

/// <summary>A nowcast's predictive density: normal with this mean and standard deviation (original units).</summary>
public sealed record NowcastDensity(double Mean, double StandardDeviation)
{
    /// <summary>The central interval holding <paramref name="level"/> of the density (e.g. 0.8).</summary>
    public (double Low, double High) Interval(double level)
    {
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (level / 2));
        return (Mean - (z * StandardDeviation), Mean + (z * StandardDeviation));
    }
}

/// <summary>One newly released value's part in a nowcast revision: (actual − expected) × weight.</summary>
public sealed record NewsItem(string Series, int Period, double Actual, double Expected, double Weight)
{
    public double Impact => (Actual - Expected) * Weight;
}

/// <summary>A nowcast revision split into data revisions and the news of each new release; the parts add up to the revision.</summary>
public sealed record NewsDecomposition(NowcastDensity Old, NowcastDensity New, double RevisionEffect, IReadOnlyList<NewsItem> Items)
{
    public double Revision => New.Mean - Old.Mean;

    /// <summary>Revision effect plus the sum of the news impacts (equals <see cref="Revision"/> up to rounding).</summary>
    public double Explained => RevisionEffect + Items.Sum(i => i.Impact);
}

/// <summary>The filter's one-step predictions over a panel (<see cref="DfmNowcaster.Prefix"/>): where another panel starts the same, its filter can start from them.</summary>
public sealed class FilterPrefix(double[][] data, double[][] means, double[][] covariances)
{
    /// <summary>a_t per period (standardised units).</summary>
    public double[][] Means { get; } = means;

    /// <summary>P_t per period (m×m row-major).</summary>
    public double[][] Covariances { get; } = covariances;

    /// <summary>How many first periods <paramref name="other"/> shares with this panel: equal values and equal missing cells (NaN equals NaN).</summary>
    public int SharedPeriods(double[][] other)
    {
        var rows = Math.Min(data.Length, other.Length);
        for (var t = 0; t < rows; t++)
            if (!data[t].AsSpan().SequenceEqual(other[t])) return t;
        return rows;
    }
}

/// <summary>Nowcasts, their densities and their news from a fitted model, with parameters held fixed.</summary>
public sealed class DfmNowcaster(DfmParameters parameters)
{
    private readonly StateSpace _system = parameters.ToStateSpace();

    public DfmParameters Parameters { get; } = parameters;

    /// <summary>The smoothed expectation and standard deviation of series <paramref name="target"/> at <paramref name="period"/> (data[t][i] in original units, NaN missing).</summary>
    public NowcastDensity Nowcast(double[][] data, int target, int period) => Nowcast(_system, data, target, period);

    /// <summary>The filter's predictions over <paramref name="data"/>, for nowcasts of panels that share its first periods (<see cref="Nowcast(double[][], int, int, FilterPrefix)"/>).</summary>
    public FilterPrefix Prefix(double[][] data)
    {
        var y = DfmInitializer.Standardised(Parameters, data);
        var (means, covariances) = new KalmanSmoother(_system, Pattern(y)).Predictions(y);
        return new FilterPrefix(data, means, covariances);
    }

    /// <summary>
    /// The same nowcast as <see cref="Nowcast(double[][], int, int)"/>, but the periods <paramref name="data"/> shares with
    /// the prefix's panel (same values, same missing cells, from the first period on) are not filtered again: the filter
    /// starts at the first period that differs (at the latest at <paramref name="period"/>) from the prefix's prediction
    /// there, which is what filtering the shared periods would give. The past-error band nowcasts 20 panels that differ
    /// from today's only in their last months, so this makes it about as costly as two nowcasts instead of twenty.
    /// </summary>
    public NowcastDensity Nowcast(double[][] data, int target, int period, FilterPrefix prefix)
    {
        var from = Math.Min(prefix.SharedPeriods(data), period);
        return from == 0 ? Nowcast(data, target, period)
            : Nowcast(_system.StartingAt(prefix.Means[from], prefix.Covariances[from]), data[from..], target, period - from);
    }

    private NowcastDensity Nowcast(StateSpace system, double[][] data, int target, int period)
    {
        var y = DfmInitializer.Standardised(Parameters, data);
        var smoother = new KalmanSmoother(system, Pattern(y));
        var mean = Observation(smoother.Smooth(y, covariances: false).Means[period], target);
        var v = smoother.SmoothedCovariance(period);
        var m = system.States;
        var variance = system.MeasurementNoise[target];
        for (var a = 0; a < m; a++)
            for (var b = 0; b < m; b++) variance += system.Loadings[(target * m) + a] * v[(a * m) + b] * system.Loadings[(target * m) + b];
        return new NowcastDensity((mean * Parameters.Scale[target]) + Parameters.Mean[target], Math.Sqrt(Math.Max(variance, 0)) * Parameters.Scale[target]);
    }

    /// <summary>
    /// Splits the change of the nowcast from <paramref name="oldData"/> to <paramref name="newData"/> into the effect of
    /// revised values (and values withdrawn) and the news of each value new in <paramref name="newData"/>: its surprise
    /// against the old information set times its weight, the weight being the derivative of the new nowcast with respect to it.
    /// </summary>
    public NewsDecomposition News(double[][] oldData, double[][] newData, int target, int period)
    {
        var oldY = DfmInitializer.Standardised(Parameters, oldData);
        var newY = DfmInitializer.Standardised(Parameters, newData);
        var baseY = newY.Select((row, t) => row.Select((v, i) => double.IsFinite(oldY[t][i]) ? v : double.NaN).ToArray()).ToArray();
        var old = Nowcast(oldData, target, period);
        var updated = Nowcast(newData, target, period);
        var baseSmoothed = new KalmanSmoother(_system, Pattern(baseY)).Smooth(baseY, covariances: false);
        var baseMean = Observation(baseSmoothed.Means[period], target);
        var newSmoother = new KalmanSmoother(_system, Pattern(newY));
        var scale = Parameters.Scale[target];
        var items = new List<NewsItem>();
        for (var t = 0; t < newY.Length; t++)
            for (var i = 0; i < newY[t].Length; i++)
            {
                if (!double.IsFinite(newY[t][i]) || double.IsFinite(baseY[t][i])) continue;
                var unit = newY.Select(row => row.Select(v => double.IsFinite(v) ? 0.0 : double.NaN).ToArray()).ToArray();
                unit[t][i] = 1;
                // the smoother is linear in the data (the initial mean is zero), so this is ∂nowcast/∂y_ti
                var weight = Observation(newSmoother.Smooth(unit, covariances: false).Means[period], target);
                var expected = Observation(baseSmoothed.Means[t], i);
                items.Add(new NewsItem(Parameters.Spec.Series[i].Code, t,
                    newData[t][i], (expected * Parameters.Scale[i]) + Parameters.Mean[i], weight * scale / Parameters.Scale[i]));
            }
        var revisionEffect = (baseMean * scale) + Parameters.Mean[target] - old.Mean;
        return new NewsDecomposition(old, updated, revisionEffect, items);
    }

    private double Observation(double[] state, int series)
    {
        var m = _system.States;
        var sum = 0.0;
        for (var a = 0; a < m; a++) sum += _system.Loadings[(series * m) + a] * state[a];
        return sum;
    }

    internal static bool[][] Pattern(double[][] y) => y.Select(row => row.Select(double.IsFinite).ToArray()).ToArray();
}

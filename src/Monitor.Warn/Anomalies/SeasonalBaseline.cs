using Monitor.Warn.Numerics;

namespace Monitor.Warn.Anomalies;

/// <summary>One scored month: the value, its seasonal expectation (bias-corrected), the band of ± threshold σ around it and the robust z.</summary>
public sealed record SeasonalScore(DateOnly Period, double Actual, double Expected, double Lo, double Hi, double Z);

/// <summary>
/// A one-sided seasonal baseline for monthly series (in logs when every value is positive). The expectation of x[t] is the median over j = 1..Lags of
/// x[t−j] + (median over the past Years of the same-calendar-month change over j months), so a missing January (merged
/// Jan–Feb releases) simply drops the anchors that need it. For series on the Chinese calendar a change with an end in
/// January–March comes only from past years whose Spring Festival fell in the same month as this year's (at least two,
/// looking back up to 2·Years years; else that anchor is dropped), and σ is kept separately for Jan–Feb and the other months: the moving festival makes those
/// months noisier. σ = 1.4826·MAD of the last SigmaWindow residuals of the same group (residuals are kept from the first
/// month with an expectation, months are scored from MinimumHistory on); z is the residual minus their median, over σ. A flagged month that follows an unflagged one (a spike) enters later anchors and
/// changes as its expectation, so one spike does not echo as opposite flags in the months after it (a level shift, flagged
/// two months running, is taken as it is). Each verdict uses only earlier data.
/// </summary>
public sealed class SeasonalBaseline(SeasonalAnomalyOptions options)
{
    /// <summary>Scores of every month with enough history; <paramref name="series"/> must be monthly.</summary>
    public List<SeasonalScore> Score(RegularSeries series, bool springFestival)
    {
        // a series that is positive throughout is scored in logs: its seasonal swings scale with its level
        var log = series.Values.All(v => double.IsNaN(v) || v > 0);
        var x = series.Values.Select(v => log ? Math.Log(v) : v).ToArray(); // spikes are replaced by their expectation as the scan passes them
        var result = new List<SeasonalScore>();
        var residuals = new[] { new List<double>(), new List<double>() }; // the other months, Jan–Feb
        var lastFlagged = -2;
        var scratch = new double[options.SigmaWindow];
        for (var t = 0; t < x.Length; t++)
        {
            if (!double.IsFinite(x[t])) continue;
            var period = series.PeriodAt(t);
            var expected = Expected(x, t, period, springFestival);
            if (double.IsNaN(expected)) continue;
            var residual = x[t] - expected;
            var group = residuals[springFestival && period.Month <= 2 ? 1 : 0];
            var scored = t >= options.MinimumHistory && group.Count >= options.MinimumResiduals;
            var (centre, sigma) = scored ? Robust.SpreadOfTail(group, options.SigmaWindow, scratch) : (0, 0);
            group.Add(residual);
            if (!(sigma > 0)) continue;
            var z = (residual - centre) / sigma;
            var expectation = expected + centre;
            var band = options.Threshold * sigma;
            result.Add(log
                ? new SeasonalScore(period, Math.Exp(x[t]), Math.Exp(expectation), Math.Exp(expectation - band), Math.Exp(expectation + band), z)
                : new SeasonalScore(period, x[t], expectation, expectation - band, expectation + band, z));
            if (Math.Abs(z) < options.Threshold) continue;
            if (lastFlagged != t - 1) x[t] = expectation;
            lastFlagged = t;
        }
        return result;
    }

    private double Expected(double[] x, int t, DateOnly period, bool springFestival)
    {
        var festivalMonth = springFestival ? SpringFestival.Month(period.Year) : null;
        var anchors = new List<double>(options.Lags);
        for (var j = 1; j <= options.Lags && t - j >= 0; j++)
        {
            if (!double.IsFinite(x[t - j])) continue;
            // the festival moves a change only when one of its ends lies in January–March of this year
            var touchesFestival = period.Month <= 3 || period.Month - j <= 3;
            var change = TypicalChange(x, t, j, period.Year, touchesFestival ? festivalMonth : null);
            if (double.IsFinite(change)) anchors.Add(x[t - j] + change);
        }
        return anchors.Count == 0 ? double.NaN : Robust.Median(anchors);
    }

    /// <summary>
    /// Median change over <paramref name="lag"/> months in the same calendar months of the last Years years; for a change
    /// the festival moves (<paramref name="festivalMonth"/> given), of the last Years years whose festival fell in the same
    /// month, looking back up to twice as far. Fewer than two such changes: no anchor (mixing festival years would be wrong).
    /// </summary>
    private double TypicalChange(double[] x, int t, int lag, int year, int? festivalMonth)
    {
        var changes = new List<double>(options.Years);
        var horizon = festivalMonth is null ? options.Years : 2 * options.Years;
        for (var y = 1; y <= horizon && changes.Count < options.Years; y++)
        {
            var then = t - (12 * y);
            if (then - lag < 0) break;
            if (festivalMonth is { } m && SpringFestival.Month(year - y) != m) continue;
            if (double.IsFinite(x[then]) && double.IsFinite(x[then - lag])) changes.Add(x[then] - x[then - lag]);
        }
        return changes.Count >= 2 ? Robust.Median(changes) : double.NaN;
    }
}

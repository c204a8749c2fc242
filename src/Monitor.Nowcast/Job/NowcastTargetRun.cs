using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.RealTime;
using Monitor.Core.Store;
using Monitor.Nowcast.Model;
using Monitor.Warn.Alerts;

namespace Monitor.Nowcast.Job;

/// <summary>What one target's run produced: rows to write (with news and inputs), an alert condition, a summary.</summary>
public sealed record NowcastOutcome(IReadOnlyList<(NowcastRow Row, IReadOnlyList<NewsRow> News, IReadOnlyList<InputRow> Inputs)> Items, AlertCondition? Alert, string Summary);

/// <summary>One target's nowcast run: information set, estimation, nowcast, news against the previous information set, replay on a first run, alert.</summary>
public sealed class NowcastTargetRun(MonitorStore store, SeriesReader series, NowcastOptions options, NowcastTargetOptions target, DateTime now)
{
    public const string AlertRule = "nowcast_move";

    public NowcastOutcome Run()
    {
        using var connection = store.Open();
        var history = NowcastStore.Nowcasts(connection, target.Code);
        // The latest run, by the order runs were made: a failed run's information date is its run time, not a vintage.
        var previous = history.Where(r => r.Kind == "update").MaxBy(r => r.Id);
        NowcastPanel panel;
        try
        {
            panel = Build(connection, null, null);
        }
        catch (NowcastDataException ex)
        {
            return Failed(ex.Message, previous);
        }
        if (previous is not null && previous.InfoDate >= panel.InfoDate && previous.Quarter == panel.Quarter)
            return new NowcastOutcome([], null, $"{target.Code} unchanged (information date {panel.InfoDate:yyyy-MM-dd HH:mm})");

        var overlap = Overlap(panel);
        if (overlap < options.MinimumQuarters)
            return Failed($"target '{target.Target}' has {overlap} quarter(s) overlapping the indicators; at least {options.MinimumQuarters} are needed", previous, panel);

        var spec = Spec(panel);
        var data = panel.Matrix();
        EmResult fit;
        try
        {
            fit = DfmEstimator.Fit(spec, data, new EmOptions(options.MaxIterations, IdioFloor: target.IdioFloor));
        }
        catch (NowcastDataException ex)
        {
            return Failed(ex.Message, previous, panel);
        }
        var nowcaster = new DfmNowcaster(fit.Parameters);
        var targetIndex = spec.Series.Count - 1;
        var row = panel.IndexOf(panel.Quarter) + 2;
        var items = new List<(NowcastRow, IReadOnlyList<NewsRow>, IReadOnlyList<InputRow>)>();
        if (!history.Any(h => h.Status == "ok")) items.AddRange(Replay(connection, panel, nowcaster, targetIndex));

        var (density, band) = Calibrated(nowcaster, data, targetIndex, row);
        var news = new List<NewsRow>();
        double? previousMean = null, revisionEffect = null;
        var before = previous is { Status: "ok" } ? previous : history.LastOrDefault(h => h.Status == "ok");
        if (before is not null)
        {
            var old = Build(connection, before.InfoDate, panel.Layout);
            var decomposition = nowcaster.News(old.Matrix(), data, targetIndex, row);
            previousMean = decomposition.Old.Mean;
            revisionEffect = decomposition.RevisionEffect;
            news.AddRange(decomposition.Items.Select(i => ToNews(panel, i)));
        }
        var notes = panel.Inputs.Where(i => i.Note is not null).Select(i => $"{i.SeriesId}: {i.Note}").Append(fit.Problem).Append(band).OfType<string>().ToList();
        var (low, high) = density.Interval(0.8);
        items.Add((new NowcastRow(0, target.Code, target.Target, panel.Quarter, panel.InfoDate, panel.LatestMonth, now, "update", "ok", density.Mean,
            density.StandardDeviation, low, high, previousMean, revisionEffect, Outturn(panel, panel.Quarter), fit.Iterations, notes.Count > 0 ? string.Join("; ", notes) : null), news, Inputs(panel)));
        var alert = Alert(history.LastOrDefault(h => h.Status == "ok" && h.Quarter == panel.Quarter), panel.Quarter, density.Mean);
        return new NowcastOutcome(items, alert, string.Create(CultureInfo.InvariantCulture,
            $"{target.Code} {Quarter(panel.Quarter)} {density.Mean:0.00} [{low:0.00}, {high:0.00}] ({news.Count} releases of news{(fit.Problem is null ? "" : "; " + fit.Problem)})"));
    }

    private NowcastPanel Build(DuckDBConnection connection, DateTime? at, PanelLayout? layout) =>
        NowcastPanel.Build(target, id => NowcastStore.Values(connection, id, at), id => series.Find(id)?.Transform, options.StaleMonths, layout);

    /// <summary>The nowcast path of the last quarters rebuilt at each month's end from what was known then (a first run has no history to show).</summary>
    private IEnumerable<(NowcastRow, IReadOnlyList<NewsRow>, IReadOnlyList<InputRow>)> Replay(DuckDBConnection connection, NowcastPanel panel, DfmNowcaster nowcaster, int targetIndex)
    {
        var first = NowcastPanel.QuarterOf(panel.LatestMonth).AddMonths(-3 * options.ReplayQuarters);
        for (var month = first; month < panel.LatestMonth; month = month.AddMonths(1))
        {
            NowcastPanel known;
            try
            {
                known = Build(connection, AsOf.At(month.AddMonths(1)), new PanelLayout(panel.Start, panel.Layout.Used));
            }
            catch (NowcastDataException)
            {
                continue; // nothing known yet at that date
            }
            var (density, _) = Calibrated(nowcaster, known.Matrix(), targetIndex, known.IndexOf(known.Quarter) + 2);
            var (low, high) = density.Interval(0.8);
            yield return (new NowcastRow(0, target.Code, target.Target, known.Quarter, known.InfoDate, month, now, "replay", "ok", density.Mean, density.StandardDeviation,
                low, high, null, null, Outturn(panel, known.Quarter), null, "rebuilt from the values known at the end of " + month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), [], []);
        }
    }

    /// <summary>The nowcast with its band from past errors (<see cref="PastErrorBand"/>), and a note saying where the band comes from.</summary>
    private (NowcastDensity Density, string Note) Calibrated(DfmNowcaster nowcaster, double[][] data, int targetIndex, int row)
    {
        var density = nowcaster.Nowcast(data, targetIndex, row);
        if (options.BandQuarters <= 0) return (density, "80% band from the model's variance");
        var calibration = PastErrorBand.Calibrate(nowcaster, data, targetIndex, row, options.BandQuarters);
        if (calibration.Quarters < PastErrorBand.MinimumQuarters)
            return (density, $"80% band from the model's variance: only {calibration.Quarters} past quarter(s) to calibrate it on");
        var (low, high) = density.Interval(0.8);
        return (PastErrorBand.Apply(density, calibration), string.Create(CultureInfo.InvariantCulture,
            $"80% band from the errors of the last {calibration.Quarters} published quarters nowcast with today's publication lags (the model's own band, ±{(high - low) / 2:0.00}, held {calibration.ModelCovered} of them)"));
    }

    private static int Overlap(NowcastPanel panel)
    {
        var count = 0;
        for (var t = 2; t < panel.Months; t += 3)
            if (double.IsFinite(panel.Target[t]) && panel.Used.Any(i => double.IsFinite(i.Values[t]) || double.IsFinite(i.Values[t - 1]) || double.IsFinite(i.Values[t - 2]))) count++;
        return count;
    }

    private DfmSpec Spec(NowcastPanel panel)
    {
        var aggregation = target.Aggregation == "mariano-murasawa" ? QuarterlyAggregation.MarianoMurasawa : QuarterlyAggregation.Average;
        var used = panel.Used.Select(i => i.SeriesId).ToList();
        var (blocks, loads) = FactorBlocks(target, used);
        var inputs = used.Select((id, k) => new DfmSeries(id, false, loads[k])).Append(new DfmSeries(target.Target, true, [0], aggregation)).ToList();
        return new DfmSpec(inputs, blocks, target.FactorOrder);
    }

    /// <summary>The global factor and each named block factor with at least two indicators in use; per used indicator, the factors it loads on.</summary>
    internal static (IReadOnlyList<string> Blocks, IReadOnlyList<int[]> Loads) FactorBlocks(NowcastTargetOptions target, IReadOnlyList<string> used)
    {
        string? FactorOf(string id) => target.Indicators.FirstOrDefault(o => o.Series == id)?.Factor;
        var blocks = used.Select(FactorOf).OfType<string>().GroupBy(f => f).Where(g => g.Count() >= 2).Select(g => g.Key).Prepend("global").ToList();
        var loads = used.Select(id => blocks.IndexOf(FactorOf(id) ?? "global") is > 0 and var b ? new[] { 0, b } : [0]).ToList();
        return (blocks, loads);
    }

    private static NewsRow ToNews(NowcastPanel panel, NewsItem item) =>
        new(0, item.Series, panel.Used.FirstOrDefault(i => i.SeriesId == item.Series)?.Block ?? "target", panel.Start.AddMonths(item.Period), item.Actual, item.Expected, item.Weight, item.Impact);

    private static IReadOnlyList<InputRow> Inputs(NowcastPanel panel) =>
        panel.Inputs.Select(i => new InputRow(0, i.SeriesId, i.Block, i.Latest?.Period, i.Latest?.Value, i.Latest?.KnownFrom, i.Used ? "used" : "dropped", i.Note)).ToList();

    private static double? Outturn(NowcastPanel panel, DateOnly quarter) => panel.TargetQuarterly.TryGetValue(quarter, out var v) ? v : null;

    private NowcastOutcome Failed(string reason, NowcastRow? previous, NowcastPanel? panel = null)
    {
        var info = panel?.InfoDate ?? now;
        if (previous is { Status: "failed" } && previous.Note == reason)
            return new NowcastOutcome([], null, $"{target.Code} failed (unchanged): {reason}");
        var row = new NowcastRow(0, target.Code, target.Target, panel?.Quarter, info, panel?.LatestMonth, now, "update", "failed",
            null, null, null, null, null, null, null, null, reason);
        return new NowcastOutcome([(row, [], panel is null ? [] : Inputs(panel))], null, $"{target.Code} failed: {reason}");
    }

    /// <summary>Open when the nowcast moved by at least the threshold from the previous one of the quarter, or crossed zero; closed otherwise.</summary>
    private AlertCondition? Alert(NowcastRow? previous, DateOnly quarter, double mean)
    {
        if (previous?.Mean is not { } before) return null;
        var move = mean - before;
        var crossed = Math.Sign(mean) != Math.Sign(before) && mean != 0;
        var active = Math.Abs(move) >= options.AlertMove || crossed;
        var q = Quarter(quarter);
        var title = crossed ? $"Nowcast of {target.Name} {q} crossed zero" : $"Nowcast of {target.Name} {q} moved {move:+0.00;-0.00}";
        var titleZh = crossed ? $"{target.NameZh} {q} 即时预测穿越零值" : $"{target.NameZh} {q} 即时预测变动 {move:+0.00;-0.00}";
        var message = string.Create(CultureInfo.InvariantCulture, $"{before:0.00} → {mean:0.00} {target.Unit} (threshold {options.AlertMove:0.##})");
        return new AlertCondition($"nowcast:{target.Code}:{quarter:yyyy-MM}", AlertRule, target.Target, quarter, active,
            crossed && mean < 0 ? AlertRules.Critical : AlertRules.Warning, null, title, titleZh, message, message);
    }

    public static string Quarter(DateOnly quarter) => $"{quarter.Year}Q{((quarter.Month - 1) / 3) + 1}";
}

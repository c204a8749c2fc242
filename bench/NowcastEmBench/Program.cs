using System.Diagnostics;
using System.Globalization;
using Monitor.Nowcast.Evaluation;
using Monitor.Nowcast.Model;

// Does EM reach the same point from different starts, and at which tolerance? (issue #11, docs/nowcast.md "EM convergence")
// For each year Y: the data known at the end of January Y (the evaluation's yearly re-estimation, settings NowcastDefaults.Us),
// EM from two starts — the principal components of that data, and the parameters fitted a year earlier (the old warm-started
// chain) — each run on through tolerances 1e-4, 1e-5, 1e-6 (a continued run visits the same iterates as one run at the
// tighter tolerance). Printed per start and tolerance: iterations, log-likelihood, seconds, EM's falls of the likelihood,
// and the year's 12 nowcasts (months 1–3 of its four quarters) with the parameters; then how far the two starts' nowcasts lie apart.
// Each run is "mode:tolerances:max" — plain or squarem EM (EmOptions.Accelerate), its tolerances, its cap on E-steps.
// Usage: NowcastEmBench DATASETS [YEARS=1990,1995,1999] [RUNS=plain:1e-4,1e-6:400;squarem:1e-4,1e-5,1e-6,1e-7:3000]
var inv = CultureInfo.InvariantCulture;
var panel = UsPanel.Load(args[0], "GDPC1");
var years = (args.Length > 1 ? args[1] : "1990,1995,1999").Split(',').Select(int.Parse).ToArray();
var runSpecs = (args.Length > 2 ? args[2] : "plain:1e-4,1e-6:400;squarem:1e-4,1e-5,1e-6,1e-7:3000").Split(';').Select(r => r.Split(':')).Select(p =>
    (Mode: p[0], Tolerances: p[1].Split(',').Select(t => double.Parse(t, inv)).ToArray(), Max: int.Parse(p[2], inv))).ToArray();
var settings = NowcastDefaults.Us;
var evaluation = new NowcastEvaluation(panel, settings);
var spec = evaluation.Spec();
var first = panel.IndexOf(settings.SampleStart);
Console.WriteLine($"settings: NowcastDefaults.Us, {spec.Series.Count} series, {spec.Blocks.Count} factors, {spec.States} states; load {File.ReadAllText("/proc/loadavg").Trim()}");

double[][] Vintage(DateOnly quarter, int month) => evaluation.Vintage(panel.IndexOf(quarter) + month - 1, panel.IndexOf(quarter.AddMonths(2)), first, month);

double[] Nowcasts(DfmParameters parameters, int year)
{
    var nowcaster = new DfmNowcaster(parameters);
    var result = new List<double>();
    for (var q = 0; q < 4; q++)
    {
        var quarter = new DateOnly(year, 1 + (3 * q), 1);
        for (var month = 1; month <= 3; month++)
        {
            var data = Vintage(quarter, month);
            result.Add(nowcaster.Nowcast(data, spec.Series.Count - 1, panel.IndexOf(quarter.AddMonths(2)) - first).Mean);
        }
    }
    return [.. result];
}

(int Falls, double Worst) Falls(IReadOnlyList<double> trace)
{
    var falls = 0;
    var worst = 0.0;
    for (var k = 1; k < trace.Count; k++)
        if (trace[k] < trace[k - 1]) { falls++; worst = Math.Max(worst, trace[k - 1] - trace[k]); }
    return (falls, worst);
}

if (args.Length > 3 && args[3] == "trace")
{
    // where plain EM still moves: every 50 E-steps, the likelihood gained and the parameters that moved most
    var names = spec.Blocks.SelectMany(b => Enumerable.Range(1, spec.FactorOrder).Select(k => $"ar[{b}]{k}"))
        .Concat(spec.Blocks.Select(b => $"logq[{b}]"))
        .Concat(spec.Series.SelectMany(x => spec.Blocks.Select(b => $"lambda[{x.Code},{b}]")))
        .Concat(spec.Series.Select(x => $"rho[{x.Code}]")).Concat(spec.Series.Select(x => $"logr[{x.Code}]")).ToArray();
    var traced = DfmEstimator.Fit(spec, Vintage(new DateOnly(years[0], 1, 1), 1), new EmOptions(1, 1e-12));
    var p0 = traced.Parameters;
    for (var chunk = 0; chunk < 20; chunk++)
    {
        var fit = DfmEstimator.Fit(spec, Vintage(new DateOnly(years[0], 1, 1), 1), new EmOptions(51, 1e-12, runSpecs[0].Mode == "squarem"), p0);
        var a = p0.ToVector();
        var b = fit.Parameters.ToVector();
        var moved = Enumerable.Range(0, a.Length).OrderByDescending(k => Math.Abs(b[k] - a[k])).Take(6).Select(k => string.Create(inv, $"{names[k]} {a[k]:0.###}->{b[k]:0.###}"));
        Console.WriteLine(string.Create(inv, $"esteps {50 * (chunk + 1)} loglik {fit.Trace[0]:0.000} -> {fit.LogLikelihood:0.000} nowcasts {string.Join(' ', Nowcasts(fit.Parameters, years[0]).Take(6).Select(v => v.ToString("0.000", inv)))} moved: {string.Join(", ", moved)}"));
        p0 = fit.Parameters;
    }
    return;
}
foreach (var year in years)
{
    var data = Vintage(new DateOnly(year, 1, 1), 1);
    var before = DfmEstimator.Fit(spec, Vintage(new DateOnly(year - 1, 1, 1), 1), new EmOptions(400, 1e-4)).Parameters;
    foreach (var (mode, tolerances, maxIter) in runSpecs)
    {
        var runs = new Dictionary<(string, double), double[]>();
        foreach (var (name, start) in new[] { ("pca", (DfmParameters?)null), ("warm", before) })
        {
            var current = start;
            var iterations = 0;
            var clock = Stopwatch.StartNew();
            var trace = new List<double>();
            foreach (var tolerance in tolerances)
            {
                // a continued run visits the iterates one run at this tolerance would; it recomputes its starting E-step once
                var fit = DfmEstimator.Fit(spec, data, new EmOptions(Math.Max(2, maxIter - iterations + (current is null ? 0 : 1)), tolerance, mode == "squarem"), current);
                iterations += current is null ? fit.Iterations : fit.Iterations - 1;
                trace.AddRange(current is null ? fit.Trace : fit.Trace.Skip(1));
                current = fit.Parameters;
                var nowcasts = Nowcasts(current, year);
                runs[(name, tolerance)] = nowcasts;
                var (falls, worst) = Falls(trace);
                Console.WriteLine(string.Create(inv, $"{year} {mode} {name,-4} tol={tolerance:0e0} esteps={iterations} loglik={fit.LogLikelihood:0.000} falls={falls} worst_fall={worst:0.000000} converged={fit.Converged} problem={fit.Problem ?? "-"} s={clock.Elapsed.TotalSeconds:0.0} nowcasts={string.Join(' ', nowcasts.Select(v => v.ToString("0.000", inv)))}"));
            }
        }
        foreach (var tolerance in tolerances)
        {
            var d = runs[("pca", tolerance)].Zip(runs[("warm", tolerance)], (a, b) => Math.Abs(a - b)).ToArray();
            Console.WriteLine(string.Create(inv, $"{year} {mode} tol={tolerance:0e0} pca_vs_warm: max_abs_diff={d.Max():0.0000} rms_diff={Math.Sqrt(d.Average(x => x * x)):0.0000} (12 nowcasts, annualised %)"));
        }
        foreach (var tolerance in tolerances[..^1])
        {
            var d = runs[("pca", tolerance)].Zip(runs[("pca", tolerances[^1])], (a, b) => Math.Abs(a - b)).Max();
            Console.WriteLine(string.Create(inv, $"{year} {mode} pca tol={tolerance:0e0} vs tol={tolerances[^1]:0e0}: max_abs_diff={d:0.0000}"));
        }
    }
}
Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");

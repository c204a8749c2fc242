using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Monitor.Core.Cli;
using Monitor.Forecast.Backtest;
using Monitor.Testing;

namespace Monitor.Forecast.Tests.Backtest;

[TestClass]
public sealed partial class BacktestCommandTests
{
    [TestMethod]
    public async Task Last_line_is_the_overall_line_of_the_default_method_and_beats_naive2()
    {
        var source = RepoPaths.Dataset("mcomp/peer_sample.csv");
        var folder = TempFolder.Create();
        try
        {
            var keep = McompSample.EveryKth(8).Select(s => s.Id).ToHashSet();
            var input = Path.Combine(folder, "subset.csv");
            File.WriteAllLines(input, File.ReadLines(source).Where((line, i) => i == 0 || keep.Contains(line[..line.IndexOf(',')])));
            var output = new StringWriter();
            var command = new BacktestCommand(Options.Create(new ForecastOptions()));
            var code = await command.RunAsync(CommandLineArgs.Parse<BacktestCommand>(["--input", input, "--methods", "theta,ensemble", "--out", Path.Combine(folder, "per-series.csv")]), output, CancellationToken.None);

            Assert.AreEqual(0, code);
            var last = output.ToString().TrimEnd().Split('\n')[^1].TrimEnd('\r');
            var match = OverallLine().Match(last);
            Assert.IsTrue(match.Success, last);
            Assert.AreEqual("ensemble", match.Groups["method"].Value);
            Assert.AreEqual(keep.Count, int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture));
            // Threshold from measurements: the full peer sample scores ≈ 0.85; this 1-in-8 subset must stay clearly below Naive2.
            Assert.IsLessThan(0.93, double.Parse(match.Groups["owa"].Value, CultureInfo.InvariantCulture), last);
            Assert.HasCount(1 + 3 * keep.Count, File.ReadAllLines(Path.Combine(folder, "per-series.csv")), "header + naive2, theta, ensemble rows");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task Unknown_method_is_a_usage_error()
    {
        var command = new BacktestCommand(Options.Create(new ForecastOptions()));
        await Assert.ThrowsExactlyAsync<CommandLineException>(() =>
            command.RunAsync(CommandLineArgs.Parse<BacktestCommand>(["--input", "x.csv", "--methods", "prophet"]), TextWriter.Null, CancellationToken.None));
    }

    [GeneratedRegex(@"^overall: method=(?<method>\S+) n=(?<n>\d+) smape=\d+\.\d+ mase=\d+\.\d+ owa=(?<owa>\d+\.\d+) cov80=\d\.\d+ cov95=\d\.\d+ ms_per_series=\d+\.\d+$")]
    private static partial Regex OverallLine();
}

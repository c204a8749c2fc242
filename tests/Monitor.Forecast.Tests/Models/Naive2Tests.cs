using System.Globalization;
using System.IO.Compression;
using Monitor.Forecast.Models;
using Monitor.Testing;

namespace Monitor.Forecast.Tests.Models;

[TestClass]
public sealed class Naive2Tests
{
    [TestMethod]
    public void Naive2_reproduces_the_organisers_forecasts_on_M4_series()
    {
        var sample = McompSample.PeerSample().Where(s => s.Source == "M4").GroupBy(s => s.Frequency).SelectMany(g => g.Take(15)).ToDictionary(s => s.Id);
        var official = new Dictionary<string, double[]>();
        using (var zip = ZipFile.OpenRead(RepoPaths.Dataset("mcomp/raw/m4/submission-Naive2.zip")))
        using (var reader = new StreamReader(zip.Entries[0].Open()))
        {
            while (reader.ReadLine() is { } line)
            {
                var id = line[..line.IndexOf(',')].Trim('"');
                if (!sample.ContainsKey(id)) continue;
                official[id] = line.Split(',').Skip(1).Where(v => v != "NA").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            }
        }
        Assert.HasCount(sample.Count, official);
        var seasonalSeen = 0;
        foreach (var (id, s) in sample)
        {
            var ours = StatisticalModels.Naive2.Forecast(s.Train, s.SeasonLength, s.Horizon);
            if (Seasonality.DetectIndices(s.Train, s.SeasonLength) is not null) seasonalSeen++;
            for (var k = 0; k < s.Horizon; k++)
                Assert.AreEqual(official[id][k], ours[k], 1e-6 * Math.Abs(official[id][k]), $"{id} step {k + 1}");
        }
        Assert.IsGreaterThan(0, seasonalSeen, "the sample should include series the 90 % test finds seasonal");
    }

    [TestMethod]
    public void Seasonality_test_follows_the_90_percent_acf_rule()
    {
        var seasonal = Enumerable.Range(0, 48).Select(i => 100 + (i % 4 == 0 ? 20.0 : 0) + i * 0.1).ToArray();
        var random = new Random(1);
        var flat = Enumerable.Range(0, 48).Select(_ => 100 + random.NextDouble()).ToArray();
        Assert.IsTrue(Seasonality.IsSeasonal(seasonal, 4));
        Assert.IsFalse(Seasonality.IsSeasonal(flat, 4));
        Assert.IsFalse(Seasonality.IsSeasonal(seasonal[..11], 4), "fewer than 3 seasons is never tested seasonal");
    }

    [TestMethod]
    public void Seasonal_forecast_continues_the_cycle_from_the_end_of_the_history()
    {
        var history = Enumerable.Range(0, 40).Select(i => 100.0 * (i % 4 == 1 ? 1.5 : 1)).ToArray();
        var forecast = StatisticalModels.Naive2.Forecast(history, 4, 4);
        Assert.AreEqual(1, Array.IndexOf(forecast, forecast.Max()), "40 values end at position 3; the peak (position 1) is step 2");
    }
}

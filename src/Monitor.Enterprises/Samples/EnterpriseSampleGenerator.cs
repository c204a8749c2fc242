using System.Globalization;
using System.IO.Compression;
using System.Text;
using Monitor.Enterprises.Codes;

namespace Monitor.Enterprises.Samples;

/// <summary>A planted distress episode of the sample: the firm, its kind and the month it starts.</summary>
public sealed record DistressLabel(string EnterpriseId, string Kind, DateOnly Start);

/// <summary>
/// Deterministic generator (seed 20261205) of the enterprise sample: about 3,000 firms over 31 provinces and 20
/// industries with Pareto sizes, entries and exits, 48 months of output, revenue, electricity and employment, planted
/// distress episodes (sharp fall, stop-reporting, electricity/output divergence, exit) with their labels, small cells
/// and cells dominated by one firm. Made on first start rather than committed (the panel is ~7 MB gzipped).
/// </summary>
public sealed class EnterpriseSampleGenerator(int firms = 3000, int seed = EnterpriseSampleGenerator.Seed)
{
    public const int Seed = 20261205;
    public const int Months = 48;

    /// <summary>Distress kinds, as in the labels and the warnings.</summary>
    public const string SharpFall = "sharp_fall", StopReporting = "stop_reporting", Divergence = "divergence", Exit = "exit";

    /// <summary>The last month of the sample (that of the macro sample in data-samples/).</summary>
    public static readonly DateOnly LastMonth = new(2025, 8, 1);

    public static DateOnly FirstMonth => LastMonth.AddMonths(-(Months - 1));

    private readonly Random _random = new(seed);

    /// <summary>Writes the panel (CSV.GZ) and its labels (CSV); returns the labels.</summary>
    public IReadOnlyList<DistressLabel> Write(string panelPath, string labelsPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(panelPath))!);
        var plan = Plan();
        using (var file = File.Create(panelPath))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.Write("enterprise_id,enterprise_name,region_code,industry_code,size_class,indicator,period,value,unit\n");
            foreach (var firm in plan) WriteFirm(writer, firm);
        }
        var labels = plan.Where(f => f.Episode is not null).Select(f => new DistressLabel(f.Id, f.Episode!, Month(f.EpisodeStart))).ToList();
        File.WriteAllLines(labelsPath, labels.Select(l => $"{l.EnterpriseId},{l.Kind},{l.Start:yyyy-MM}").Prepend("enterprise_id,kind,start"));
        return labels;
    }

    private sealed record Firm(string Id, string Name, string Region, SampleIndustry Industry, string Size, double Scale, double Growth,
        int Entry, int ExitAt, string? Episode, int EpisodeStart);

    private List<Firm> Plan()
    {
        var counties = CodeLists.Shipped.Regions.Where(r => r.Level == "county").GroupBy(r => r.Code[..2]).ToDictionary(g => g.Key, g => g.ToList());
        var weights = SampleIndustries.Provinces;
        var total = weights.Sum(w => w.Weight);
        var scales = Enumerable.Range(0, firms).Select(_ => Math.Min(2_000_000, 800 / Math.Pow(1 - _random.NextDouble(), 1 / 1.16))).ToArray();
        var sorted = scales.Order().ToArray();
        var list = new List<Firm>(firms);
        for (var n = 0; n < firms; n++)
        {
            var province = Pick(weights, total);
            // Firms cluster in the first few counties of a province, so city cells hold several firms.
            var pool = counties[province];
            var county = pool[_random.Next(Math.Min(pool.Count, 6))];
            var industry = SampleIndustries.All[_random.Next(SampleIndustries.All.Length)];
            var rank = Array.BinarySearch(sorted, scales[n]) / (double)firms;
            var size = rank > 0.97 ? "large" : rank > 0.85 ? "medium" : rank > 0.35 ? "small" : "micro";
            list.Add(Plan(n, county, industry, size, scales[n]));
        }
        return list;
    }

    private Firm Plan(int n, CodeEntry county, SampleIndustry industry, string size, double scale)
    {
        var first17 = "91" + county.Code + (10_000_000 + n).ToString(CultureInfo.InvariantCulture) + "0";
        var id = first17 + CreditCode.CheckCharacter(first17);
        var name = $"{county.Name}{industry.Word}{n + 1:D4}有限公司";
        var entry = _random.NextDouble() < 0.08 ? _random.Next(6, 40) : 0;
        // Episodes only for firms present from the start, at least two years in, so each has a seasonal history.
        var draw = entry == 0 ? _random.NextDouble() : 1;
        var start = _random.Next(24, Months - 4);
        var (episode, exitAt) = draw switch
        {
            < 0.05 => (SharpFall, Months),
            < 0.08 => (StopReporting, Months),
            < 0.11 => (Divergence, Months),
            < 0.16 => (Exit, start),
            _ => ((string?)null, Months),
        };
        return new Firm(id, name, county.Code, industry, size, scale, 0.04 + 0.05 * Normal(), entry, exitAt, episode, start);
    }

    private void WriteFirm(StreamWriter writer, Firm firm)
    {
        var prefix = $"{firm.Id},{firm.Name},{firm.Region},{firm.Industry.Class},{firm.Size},";
        var level = firm.Scale;
        for (var t = firm.Entry; t < firm.ExitAt; t++)
        {
            var after = firm.Episode is not null && t >= firm.EpisodeStart;
            if (after && firm.Episode == StopReporting && t < firm.EpisodeStart + 4) continue;
            level *= Math.Exp(firm.Growth / 12 + 0.02 * Normal());
            var month = Month(t);
            var output = level * Season(month) * (after && firm.Episode == SharpFall ? 0.45 : 1) * (1 + 0.03 * Normal());
            var electricity = output * firm.Industry.ElectricityIntensity * (after && firm.Episode == Divergence ? 0.5 : 1) * (1 + 0.03 * Normal());
            var revenue = output * (1.02 + 0.03 * Normal());
            var employment = Math.Max(5, Math.Round(8 * Math.Pow(firm.Scale, 0.55) * (after && firm.Episode == SharpFall ? 0.9 : 1)));
            var period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            writer.Write($"{prefix}output,{period},{Round(output)},万元\n");
            writer.Write($"{prefix}revenue,{period},{Round(revenue)},万元\n");
            writer.Write($"{prefix}electricity,{period},{Round(electricity)},万千瓦时\n");
            writer.Write($"{prefix}employment,{period},{employment.ToString(CultureInfo.InvariantCulture)},人\n");
        }
    }

    // Activity dips in the Spring Festival month and in mid-summer, peaks in December.
    private static double Season(DateOnly month) => month.Month switch
    {
        1 => 0.95, 2 => 0.82, 3 => 1.02, 7 => 0.97, 8 => 0.97, 12 => 1.08, _ => 1.0,
    };

    private static DateOnly Month(int t) => FirstMonth.AddMonths(t);

    private static string Round(double value) => Math.Round(value, 1).ToString("0.0", CultureInfo.InvariantCulture);

    private string Pick((string Province, double Weight)[] weights, double total)
    {
        var u = _random.NextDouble() * total;
        foreach (var (province, weight) in weights)
        {
            if (u < weight) return province;
            u -= weight;
        }
        return weights[^1].Province;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

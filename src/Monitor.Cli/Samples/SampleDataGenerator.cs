using Monitor.Core.Domain;

namespace Monitor.Cli.Samples;

/// <summary>
/// Deterministic generator (seed 20260101) of the sample Chinese economic panel in data-samples/: national monthly and
/// quarterly macro indicators, 31 provinces, 20 industries; trend, seasonality with the moving Spring Festival, merged
/// Jan–Feb releases, a business cycle with the 2020 downturn, injected anomalies and a level shift (labels.csv), and a
/// second release that revises the last three months of some series and adds one month.
/// </summary>
internal sealed class SampleDataGenerator
{
    public const int Seed = 20260101;
    private static readonly DateOnly TruthEnd = SamplePanel.LastMonth.AddMonths(1);
    private readonly Random _random = new(Seed);
    private readonly List<SampleLabel> _labels = [];

    public SampleRelease Generate()
    {
        var national = NationalSeries().ToList();
        var regional = ProvincialSeries(national.First(s => s.Code == "IVA_YOY"), national.First(s => s.Code == "RETAIL_YOY")).ToList();
        var industry = IndustrySeries().ToList();
        var revised = new HashSet<string> { "IVA_YOY", "RETAIL", "RETAIL_YOY", "EXPORTS", "CPI_YOY", "PPI_YOY", "PMI_MFG", "M2_YOY", "ELEC", "UNEMP", "GDP_YOY", "GDP" };
        var revision = national.Where(s => revised.Contains(s.Code)).Select(s => Tail(s, RevisionStart(s))).ToList();
        var first = national.Concat(regional).Concat(industry).Select(s => FirstRelease(s, revised.Contains(s.Code))).ToList();
        return new SampleRelease(first, revision, _labels.OrderBy(l => l.SeriesId, StringComparer.Ordinal).ThenBy(l => l.Period).ToList());
    }

    private IEnumerable<SampleSeries> NationalSeries()
    {
        var iva = Monthly("IVA_YOY", "Industrial value added above designated size, YoY", "规模以上工业增加值同比增长", "%", "Industry", "Jan–Feb released together: January is not published.",
            m => 6.6 - 0.16 * Years(m) + 1.1 * Cycle(m) + Noise(0.35));
        MergeJanFeb(iva);
        yield return iva;

        var cpi = Monthly("CPI_YOY", "CPI, YoY", "居民消费价格指数同比", "%", "Prices", "",
            m => 1.9 + 0.25 * Cycle(m.AddMonths(-6)) + 1.1 * Math.Sin(2 * Math.PI * Index(m) / 46.0) + SpringFestivalPrice(m) + Noise(0.18));
        Spike(cpi, new DateOnly(2023, 7, 1), -1.3, "pork price collapse (injected)");
        yield return cpi;

        yield return Monthly("PPI_YOY", "PPI, YoY", "工业生产者出厂价格指数同比", "%", "Prices", "",
            m => 0.8 + 1.6 * Cycle(m.AddMonths(-2)) + 3.6 * Math.Sin(2 * Math.PI * (Index(m) - 18) / 52.0) + Noise(0.35));

        var pmi = Monthly("PMI_MFG", "Manufacturing PMI", "制造业采购经理指数", "%", "Surveys", "50 = no change.",
            m => 50.2 + 0.45 * Cycle(m) + (IsSpringFestivalMonth(m) ? -1.2 : 0) + Noise(0.3));
        Spike(pmi, new DateOnly(2024, 11, 1), -3.0, "survey shock (injected)");
        yield return pmi;

        yield return Monthly("PMI_NONMFG", "Non-manufacturing business activity index", "非制造业商务活动指数", "%", "Surveys", "50 = no change.",
            m => 53.6 + 0.55 * Cycle(m) + Noise(0.35));

        var retail = Monthly("RETAIL", "Retail sales of consumer goods", "社会消费品零售总额", "亿元", "Consumption", "Jan–Feb released together: the February value is the Jan–Feb total.",
            m => 24000 * Math.Pow(1.085, Years(m)) * Math.Pow(0.985, Math.Max(0, Years(m) - 5)) * MonthlySeason(m, Retail) * (1 + 0.02 * Cycle(m)) * SpringFestivalActivity(m) * (1 + Noise(0.01)));
        var retailYoy = YearOnYear(retail, "RETAIL_YOY", "Retail sales of consumer goods, YoY", "社会消费品零售总额同比增长", "Consumption");
        MergeJanFebTotal(retail);
        MergeJanFeb(retailYoy);
        yield return retail;
        yield return retailYoy;

        yield return YearToDate(Monthly("FAI_YTD", "Fixed-asset investment (excl. rural households), year to date", "固定资产投资(不含农户)累计", "亿元", "Investment",
            "累计 (Jan-to-month) values; Jan–Feb released together.",
            m => 42000 * Math.Pow(1.06, Years(m)) * Math.Pow(0.96, Math.Max(0, Years(m) - 6)) * MonthlySeason(m, Investment) * (1 + 0.03 * Cycle(m)) * (1 + Noise(0.012))));

        var exports = Monthly("EXPORTS", "Exports (USD)", "出口总额", "亿美元", "Trade", "",
            m => 1750 * Math.Pow(1.05, Years(m)) * MonthlySeason(m, Exports) * (1 + 0.025 * Cycle(m)) * SpringFestivalActivity(m) * (1 + Noise(0.03)));
        Spike(exports, new DateOnly(2024, 3, 1), exports.Values[new DateOnly(2024, 3, 1)] * 0.25, "front-loaded shipments (injected)");
        yield return exports;

        yield return Monthly("M2_YOY", "Broad money M2, YoY", "货币和准货币(M2)同比增长", "%", "Money", "",
            m => 13.0 - 0.45 * Years(m) - 0.25 * Cycle(m) + Noise(0.2));

        var elec = Monthly("ELEC", "Electricity consumption, whole society", "全社会用电量", "亿千瓦时", "Energy", "",
            m => 4700 * Math.Pow(1.055, Years(m)) * MonthlySeason(m, Electricity) * (1 + 0.015 * Cycle(m)) * SpringFestivalActivity(m) * (1 + Noise(0.012)), decimals: 0);
        Spike(elec, new DateOnly(2022, 8, 1), elec.Values[new DateOnly(2022, 8, 1)] * 0.12, "heat wave (injected)");
        yield return elec;

        yield return Monthly("UNEMP", "Surveyed urban unemployment rate", "全国城镇调查失业率", "%", "Labour market", "Counter-cyclical: a high rate is cold.",
            m => 5.15 - 0.12 * Cycle(m) + (m.Month == 2 ? 0.25 : 0) + Noise(0.06), counterCyclical: true);

        yield return Monthly("TSF", "Total social financing, increment", "社会融资规模增量", "亿元", "Money", "",
            m => 18000 * Math.Pow(1.07, Years(m)) * MonthlySeason(m, Financing) * (1 - 0.03 * Cycle(m)) * (1 + Noise(0.15)), decimals: 0);

        var gdp = Quarterly("GDP", "Gross domestic product, current prices", "国内生产总值(现价)", "亿元", "National accounts",
            q => 160000 * Math.Pow(1.078, Years(q)) * Math.Pow(0.98, Math.Max(0, Years(q) - 5)) * QuarterSeason(q) * (1 + 0.01 * QuarterCycle(q)) * (1 + Noise(0.004)));
        yield return gdp;
        yield return Quarterly("GDP_YOY", "GDP, real growth YoY", "国内生产总值不变价同比增长", "%", "National accounts",
            q => 6.9 - 0.17 * Years(q) + 0.9 * QuarterCycle(q) + Noise(0.15));
    }

    private IEnumerable<SampleSeries> ProvincialSeries(SampleSeries nationalIva, SampleSeries nationalRetail)
    {
        foreach (var (code, en, zh) in SamplePanel.Provinces)
        {
            var level = Noise(1.2);
            var beta = 0.7 + (0.7 * _random.NextDouble());
            var iva = Panel(nationalIva, "IVA_YOY", $"Industrial value added above designated size, YoY — {en}", $"{zh}规模以上工业增加值同比增长",
                Domains.Regional, code, null, level, beta, 0.9);
            var retail = Panel(nationalRetail, "RETAIL_YOY", $"Retail sales of consumer goods, YoY — {en}", $"{zh}社会消费品零售总额同比增长",
                Domains.Regional, code, null, level * 0.5, 0.6 + (0.8 * _random.NextDouble()), 1.1);
            var gdp = Quarterly("GDP_YOY", $"GDP, real growth YoY — {en}", $"{zh}地区生产总值同比增长", "%", "Regional accounts",
                q => 6.9 - 0.17 * Years(q) + level * 0.8 + beta * 0.9 * QuarterCycle(q) + Noise(0.35), region: code);
            if (code == "CN-HA") Spike(iva, new DateOnly(2024, 8, 1), -9.0, "flood damage: against its peers (injected)", "cross_section");
            if (code == "CN-SC") Spike(retail, new DateOnly(2025, 2, 1), 10.0, "consumption voucher campaign: against its peers (injected)", "cross_section");
            yield return iva;
            yield return retail;
            yield return gdp;
        }
    }

    private IEnumerable<SampleSeries> IndustrySeries()
    {
        foreach (var (code, en, zh, beta) in SamplePanel.Industries)
        {
            var drift = Noise(1.5);
            var output = Monthly("IVA_YOY", $"Value added YoY — {en}", $"{zh}增加值同比增长", "%", "Industry output", "Jan–Feb released together.",
                m => 6.0 - 0.15 * Years(m) + drift + (beta * 1.1 * Cycle(m)) + Noise(1.0), industry: code);
            MergeJanFeb(output);
            var prices = Monthly("PPI_YOY", $"Producer prices YoY — {en}", $"{zh}出厂价格同比", "%", "Industry prices", "",
                m => 0.5 + (beta * 1.4 * Cycle(m.AddMonths(-2))) + (beta * 3.0 * Math.Sin(2 * Math.PI * (Index(m) - 18) / 52.0)) + Noise(0.6), industry: code);
            if (code == "GB-C36") LevelShift(output, new DateOnly(2023, 6, 1), 6.0, "new-energy vehicle boom: level shift (injected)");
            if (code == "GB-C31") Spike(prices, new DateOnly(2021, 10, 1), 8.0, "energy-rationing price spike (injected)");
            yield return output;
            yield return prices;
        }
    }

    // ---- building blocks -------------------------------------------------------------------------------

    private SampleSeries Monthly(string code, string name, string nameZh, string unit, string group, string notes, Func<DateOnly, double> value,
        int decimals = 1, bool counterCyclical = false, string? region = null, string? industry = null)
    {
        var domain = region is not null ? Domains.Regional : industry is not null ? Domains.Industry : Domains.Macro;
        var series = new SampleSeries(code, name, nameZh, domain, region, industry, Frequency.Monthly, unit, group, notes, decimals, counterCyclical);
        for (var m = SamplePanel.FirstMonth; m <= TruthEnd; m = m.AddMonths(1)) series.Values[m] = value(m);
        return series;
    }

    private SampleSeries Quarterly(string code, string name, string nameZh, string unit, string group, Func<DateOnly, double> value, string? region = null)
    {
        var domain = region is not null ? Domains.Regional : Domains.Macro;
        var series = new SampleSeries(code, name, nameZh, domain, region, null, Frequency.Quarterly, unit, group, "", 1);
        for (var q = SamplePanel.FirstMonth; q <= TruthEnd.AddMonths(-2); q = q.AddMonths(3)) series.Values[q] = value(q);
        return series;
    }

    private SampleSeries Panel(SampleSeries national, string code, string name, string nameZh, string domain, string? region, string? industry,
        double level, double beta, double noise)
    {
        var series = new SampleSeries(code, name, nameZh, domain, region, industry, national.Frequency, national.Unit, "Regional", national.Notes, 1);
        foreach (var (period, value) in national.Values)
            series.Values[period] = value + level + ((beta - 1) * 1.1 * Cycle(period)) + Noise(noise);
        return series;
    }

    private SampleSeries YearOnYear(SampleSeries level, string code, string name, string nameZh, string group)
    {
        var series = new SampleSeries(code, name, nameZh, level.Domain, level.RegionCode, level.IndustryCode, level.Frequency, "%", group, "", 1);
        foreach (var (period, value) in level.Values)
        {
            if (level.Values.TryGetValue(period.AddYears(-1), out var before)) series.Values[period] = 100 * ((value / before) - 1);
        }
        return series;
    }

    private static SampleSeries YearToDate(SampleSeries monthly)
    {
        var ytd = monthly with { Transform = "ytd", Values = new() };
        var total = 0.0;
        foreach (var (period, value) in monthly.Values)
        {
            total = period.Month == 1 ? value : total + value;
            if (period.Month != 1) ytd.Values[period] = total;
        }
        return ytd;
    }

    private static void MergeJanFeb(SampleSeries series)
    {
        foreach (var january in series.Values.Keys.Where(p => p.Month == 1).ToList())
        {
            var february = january.AddMonths(1);
            if (series.Values.TryGetValue(february, out var feb)) series.Values[february] = (series.Values[january] + feb) / 2;
            series.Values.Remove(january);
        }
    }

    private static void MergeJanFebTotal(SampleSeries series)
    {
        foreach (var january in series.Values.Keys.Where(p => p.Month == 1).ToList())
        {
            var february = january.AddMonths(1);
            if (series.Values.TryGetValue(february, out var feb)) series.Values[february] = series.Values[january] + feb;
            series.Values.Remove(january);
        }
    }

    private void Spike(SampleSeries series, DateOnly period, double delta, string note, string kind = "spike")
    {
        series.Values[period] += delta;
        _labels.Add(new SampleLabel(series.SeriesId, period, kind, delta, note));
    }

    private void LevelShift(SampleSeries series, DateOnly from, double delta, string note)
    {
        foreach (var period in series.Values.Keys.Where(p => p >= from).ToList()) series.Values[period] += delta;
        _labels.Add(new SampleLabel(series.SeriesId, from, "level_shift", delta, note));
    }

    /// <summary>The first release stops a month earlier; where the series is revised later, its last three months are preliminary.</summary>
    private SampleSeries FirstRelease(SampleSeries truth, bool revisedLater)
    {
        var last = truth.Frequency == Frequency.Quarterly ? SamplePanel.LastMonth.AddMonths(-1) : SamplePanel.LastMonth;
        var release = truth with { Values = new() };
        foreach (var (period, value) in truth.Values.Where(v => v.Key <= last))
        {
            var preliminary = revisedLater && period >= RevisionStart(truth) ? value * (1 + Noise(0.01)) + Noise(0.15) : value;
            release.Values[period] = preliminary;
        }
        return release;
    }

    private static DateOnly RevisionStart(SampleSeries series) =>
        series.Frequency == Frequency.Quarterly ? new DateOnly(2025, 1, 1) : SamplePanel.LastMonth.AddMonths(-2);

    private static SampleSeries Tail(SampleSeries truth, DateOnly from)
    {
        var tail = truth with { Values = new() };
        foreach (var (period, value) in truth.Values.Where(v => v.Key >= from)) tail.Values[period] = value;
        return tail;
    }

    // ---- shapes ------------------------------------------------------------------------------------------

    private static readonly double[] Retail = [1.02, 0.86, 0.93, 0.92, 0.98, 1.00, 0.96, 0.97, 1.02, 1.08, 1.10, 1.16];
    private static readonly double[] Investment = [0.55, 0.55, 0.95, 1.00, 1.08, 1.25, 1.02, 1.00, 1.12, 1.00, 1.05, 1.43];
    private static readonly double[] Exports = [1.05, 0.78, 0.90, 0.96, 1.00, 1.03, 1.06, 1.07, 1.08, 1.02, 1.04, 1.11];
    private static readonly double[] Electricity = [1.04, 0.86, 0.95, 0.93, 0.96, 1.02, 1.14, 1.16, 1.00, 0.93, 0.96, 1.05];
    private static readonly double[] Financing = [2.3, 0.6, 1.4, 0.9, 0.8, 1.3, 0.5, 0.8, 1.1, 0.6, 0.7, 0.7];

    private static double MonthlySeason(DateOnly month, double[] factors) => factors[month.Month - 1];

    private static double QuarterSeason(DateOnly quarter) => quarter.Month switch { 1 => 0.88, 4 => 0.98, 7 => 1.00, _ => 1.14 };

    private static int Index(DateOnly month) => ((month.Year - 2015) * 12) + month.Month - 1;

    private static double Years(DateOnly month) => Index(month) / 12.0;

    /// <summary>The common business cycle: two waves plus the 2020 downturn, its 2021 base-effect rebound and the 2022 lockdowns.</summary>
    private static double Cycle(DateOnly month)
    {
        var t = Index(month);
        var wave = (1.3 * Math.Sin(2 * Math.PI * (t - 8) / 44.0)) + (0.4 * Math.Sin(2 * Math.PI * t / 19.0));
        return wave + (month.Year, month.Month) switch
        {
            (2020, 1) => -6, (2020, 2) => -14, (2020, 3) => -7, (2020, 4) => -2.5, (2020, 5) => -1,
            (2021, 1) => 9, (2021, 2) => 12, (2021, 3) => 7, (2021, 4) => 3, (2021, 5) => 1.5,
            (2022, 4) => -5, (2022, 5) => -2.5, (2022, 11) => -1.5, (2022, 12) => -2.5,
            _ => 0,
        };
    }

    private static double QuarterCycle(DateOnly quarter) => (Cycle(quarter) + Cycle(quarter.AddMonths(1)) + Cycle(quarter.AddMonths(2))) / 3;

    private static bool IsSpringFestivalMonth(DateOnly month) =>
        SamplePanel.SpringFestival.TryGetValue(month.Year, out var day) && day.Month == month.Month;

    /// <summary>Activity falls in the month of the Spring Festival and partly recovers in the next.</summary>
    private static double SpringFestivalActivity(DateOnly month)
    {
        if (IsSpringFestivalMonth(month)) return 0.92;
        return IsSpringFestivalMonth(month.AddMonths(-1)) ? 1.05 : 1.0;
    }

    private static double SpringFestivalPrice(DateOnly month) =>
        IsSpringFestivalMonth(month) ? 0.5 : IsSpringFestivalMonth(month.AddMonths(-1)) ? -0.35 : 0;

    private double Noise(double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>The two releases and the ground-truth labels.</summary>
internal sealed record SampleRelease(IReadOnlyList<SampleSeries> First, IReadOnlyList<SampleSeries> Revision, IReadOnlyList<SampleLabel> Labels);

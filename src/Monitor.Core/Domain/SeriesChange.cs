using System.Globalization;

namespace Monitor.Core.Domain;

/// <summary>
/// How the change of a series between two readings is told, everywhere it is shown (pages, cards, e-mails, exports).
/// A rate or an index-type series (a y/y growth, a percentage, a PMI, "previous year = 100") changes by percentage
/// points: GDP_YOY going from 5.3 to 5.0 is −0.3 pp, where a percent change of the percent would say −5.7 %. A level
/// (亿元, a volume index) changes by per cent of its earlier value, when that value is positive.
/// </summary>
public static class SeriesChange
{
    /// <summary>Words in a series' code, name or unit that say it already is a rate of change or a diffusion index.</summary>
    private static readonly string[] RateMarkers =
        ["y/y", "m/m", "year-on-year", "yoy", "prev. year=100", "previous year=100", "prev. month=100", "同比", "环比", "pmi", "purchasing managers"];

    /// <summary>The series already is a rate of change or a diffusion index (lit on its own value by the warn stage).</summary>
    public static bool IsRateOfChange(string? code, string? name, string? nameZh, string? unit)
    {
        var text = $"{code} {name} {nameZh} {unit}".ToLowerInvariant();
        return RateMarkers.Any(marker => text.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>The series is measured in per cent (an unemployment rate, an interest rate, a share).</summary>
    public static bool IsPercentage(string? unit) =>
        unit is not null && (unit.Trim() is "%" or "％" or "百分比" || unit.StartsWith("percent", StringComparison.OrdinalIgnoreCase));

    /// <summary>Its changes are in percentage points: a rate of change, a diffusion index or a percentage.</summary>
    public static bool InPoints(string? code, string? name, string? nameZh, string? unit) =>
        IsRateOfChange(code, name, nameZh, unit) || IsPercentage(unit);

    public static bool InPoints(SeriesInfo info) => InPoints(info.Code, info.Name, info.NameZh, info.Unit);

    /// <summary>The change from <paramref name="before"/> to <paramref name="now"/>; null when a reading is missing or a level's earlier value is not positive.</summary>
    public static Change? Between(double? before, double? now, bool inPoints) => (before, now) switch
    {
        ({ } b, { } n) when inPoints => new Change(n - b, true),
        ({ } b, { } n) when b > 0 => new Change((n / b - 1) * 100, false),
        _ => null,
    };
}

/// <summary>A change in percentage points (<see cref="Points"/>) or in per cent.</summary>
public readonly record struct Change(double Value, bool Points)
{
    /// <summary>"+0.3 pp" / "+0.3 个百分点", or "−5.7 %", with one decimal.</summary>
    public string Format(string language = "en") =>
        Value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + (Points ? language == "zh" ? " 个百分点" : " pp" : " %");
}

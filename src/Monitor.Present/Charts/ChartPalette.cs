using ScottPlot;

namespace Monitor.Present.Charts;

/// <summary>
/// The Okabe–Ito colour-blind-safe palette, and the five signal-light colours mapped onto it.
/// Colour is never the only carrier: lights always come with their points (1–5) and their name.
/// </summary>
public static class ChartPalette
{
    public const string Black = "#000000";
    public const string Orange = "#E69F00";
    public const string SkyBlue = "#56B4E9";
    public const string BluishGreen = "#009E73";
    public const string Yellow = "#F0E442";
    public const string Blue = "#0072B2";
    public const string Vermillion = "#D55E00";
    public const string ReddishPurple = "#CC79A7";
    public const string Grey = "#999999";

    /// <summary>The hex colour of a light ('red', 'yellow', 'green', 'lightblue', 'blue'); grey when unknown.</summary>
    public static string LightHex(string? colour) => colour switch
    {
        "red" => Vermillion,
        "yellow" => Orange,
        "green" => BluishGreen,
        "lightblue" => SkyBlue,
        "blue" => Blue,
        _ => Grey,
    };

    /// <summary>A light's colour name from its points (1 = blue … 5 = red).</summary>
    public static string LightFromPoints(int points) => points switch
    {
        <= 1 => "blue",
        2 => "lightblue",
        3 => "green",
        4 => "yellow",
        _ => "red",
    };

    /// <summary>The light's name in the reader's language: 过热/趋热/正常/趋冷/过冷 or hot/warm/normal/cool/cold.</summary>
    public static string LightName(string? colour, string language) => (colour, language == "zh") switch
    {
        ("red", true) => "过热",
        ("yellow", true) => "趋热",
        ("green", true) => "正常",
        ("lightblue", true) => "趋冷",
        ("blue", true) => "过冷",
        ("red", false) => "overheated",
        ("yellow", false) => "warming",
        ("green", false) => "normal",
        ("lightblue", false) => "cooling",
        ("blue", false) => "too cold",
        (_, true) => "无",
        _ => "n/a",
    };

    internal static Color Of(string hex) => Color.FromHex(hex);
}

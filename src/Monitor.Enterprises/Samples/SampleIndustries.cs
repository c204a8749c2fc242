namespace Monitor.Enterprises.Samples;

/// <summary>One industry of the sample: its GB/T 4754-2017 class, a short word for firm names, electricity per unit of output.</summary>
internal sealed record SampleIndustry(string Class, string Word, double ElectricityIntensity);

/// <summary>The 20 industries and the province weights of the enterprise sample.</summary>
internal static class SampleIndustries
{
    public static readonly SampleIndustry[] All =
    [
        new("0610", "煤业", 0.9), new("0810", "矿业", 0.8), new("1311", "粮油", 0.25), new("1512", "酒业", 0.2),
        new("1711", "纺织", 0.45), new("1810", "服饰", 0.2), new("2221", "纸业", 0.6), new("2614", "化工", 0.9),
        new("2710", "制药", 0.3), new("2922", "塑胶", 0.5), new("3011", "建材", 1.1), new("3110", "钢铁", 1.3),
        new("3311", "五金", 0.4), new("3411", "动力", 0.35), new("3612", "汽车", 0.3), new("3811", "电机", 0.35),
        new("3912", "电子", 0.3), new("4411", "电力", 1.5), new("4710", "建工", 0.1), new("5110", "商贸", 0.05),
    ];

    /// <summary>Relative number of reporting firms by province (GB/T 2260 two-digit code), coast heavier than the west.</summary>
    public static readonly (string Province, double Weight)[] Provinces =
    [
        ("11", 2), ("12", 2), ("13", 3), ("14", 1.5), ("15", 1), ("21", 2), ("22", 1), ("23", 1), ("31", 3), ("32", 8),
        ("33", 7), ("34", 3), ("35", 4), ("36", 2), ("37", 6), ("41", 4), ("42", 3), ("43", 2.5), ("44", 9), ("45", 1.5),
        ("46", 0.3), ("50", 2), ("51", 3), ("52", 1), ("53", 1), ("54", 0.1), ("61", 1.5), ("62", 0.6), ("63", 0.2), ("64", 0.3), ("65", 0.6),
    ];
}

namespace Monitor.Ingest.Readers.Nbs;

/// <summary>NBS province labels (北京市, 内蒙古自治区 …) → ISO 3166-2:CN codes, as in the shared regions.csv.</summary>
internal static class Provinces
{
    private static readonly (string Short, string Code)[] Names =
    [
        ("北京", "CN-BJ"), ("天津", "CN-TJ"), ("河北", "CN-HE"), ("山西", "CN-SX"), ("内蒙古", "CN-NM"), ("辽宁", "CN-LN"),
        ("吉林", "CN-JL"), ("黑龙江", "CN-HL"), ("上海", "CN-SH"), ("江苏", "CN-JS"), ("浙江", "CN-ZJ"), ("安徽", "CN-AH"),
        ("福建", "CN-FJ"), ("江西", "CN-JX"), ("山东", "CN-SD"), ("河南", "CN-HA"), ("湖北", "CN-HB"), ("湖南", "CN-HN"),
        ("广东", "CN-GD"), ("广西", "CN-GX"), ("海南", "CN-HI"), ("重庆", "CN-CQ"), ("四川", "CN-SC"), ("贵州", "CN-GZ"),
        ("云南", "CN-YN"), ("西藏", "CN-XZ"), ("陕西", "CN-SN"), ("甘肃", "CN-GS"), ("青海", "CN-QH"), ("宁夏", "CN-NX"),
        ("新疆", "CN-XJ"),
    ];

    /// <summary>The region code of a province label; "" for the national total (全国); null when unknown.</summary>
    public static string? Code(string label)
    {
        var name = label.Trim();
        if (name is "全国" or "中国") return "";
        foreach (var (shortName, code) in Names)
            if (name.StartsWith(shortName, StringComparison.Ordinal)) return code;
        return null;
    }
}

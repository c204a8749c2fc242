namespace Monitor.Web.Pages.Regions;

/// <summary>The 31 provincial-level divisions of mainland China with their ISO 3166-2:CN codes and tile-grid positions.</summary>
public static class Provinces
{
    /// <summary>One province: ISO code, GB/T 2260 numeric prefix, names, and its cell on the tile grid (rows north to south).</summary>
    public sealed record Province(string Iso, string Numeric, string NameZh, string NameEn, int Row, int Column);

    public static readonly IReadOnlyList<Province> All =
    [
        new("CN-HL", "23", "黑龙江", "Heilongjiang", 0, 8),
        new("CN-NM", "15", "内蒙古", "Inner Mongolia", 1, 6), new("CN-JL", "22", "吉林", "Jilin", 1, 8),
        new("CN-XJ", "65", "新疆", "Xinjiang", 2, 1), new("CN-GS", "62", "甘肃", "Gansu", 2, 4), new("CN-NX", "64", "宁夏", "Ningxia", 2, 5),
        new("CN-BJ", "11", "北京", "Beijing", 2, 6), new("CN-TJ", "12", "天津", "Tianjin", 2, 7), new("CN-LN", "21", "辽宁", "Liaoning", 2, 8),
        new("CN-QH", "63", "青海", "Qinghai", 3, 3), new("CN-SN", "61", "陕西", "Shaanxi", 3, 4), new("CN-SX", "14", "山西", "Shanxi", 3, 5),
        new("CN-HE", "13", "河北", "Hebei", 3, 6), new("CN-SD", "37", "山东", "Shandong", 3, 7),
        new("CN-XZ", "54", "西藏", "Tibet", 4, 2), new("CN-SC", "51", "四川", "Sichuan", 4, 3), new("CN-CQ", "50", "重庆", "Chongqing", 4, 4),
        new("CN-HA", "41", "河南", "Henan", 4, 5), new("CN-AH", "34", "安徽", "Anhui", 4, 6), new("CN-JS", "32", "江苏", "Jiangsu", 4, 7),
        new("CN-YN", "53", "云南", "Yunnan", 5, 3), new("CN-GZ", "52", "贵州", "Guizhou", 5, 4), new("CN-HB", "42", "湖北", "Hubei", 5, 5),
        new("CN-JX", "36", "江西", "Jiangxi", 5, 6), new("CN-ZJ", "33", "浙江", "Zhejiang", 5, 7), new("CN-SH", "31", "上海", "Shanghai", 5, 8),
        new("CN-GX", "45", "广西", "Guangxi", 6, 4), new("CN-HN", "43", "湖南", "Hunan", 6, 5), new("CN-FJ", "35", "福建", "Fujian", 6, 6),
        new("CN-GD", "44", "广东", "Guangdong", 7, 5),
        new("CN-HI", "46", "海南", "Hainan", 8, 4),
    ];

    public const int Rows = 9;
    public const int Columns = 9;

    /// <summary>The province a region code names: "CN-BJ", "BJ", "cn-bj" or the numeric "11"/"110000".</summary>
    public static Province? Find(string? regionCode)
    {
        if (string.IsNullOrWhiteSpace(regionCode)) return null;
        var code = regionCode.Trim().ToUpperInvariant();
        if (code.StartsWith("CN-", StringComparison.Ordinal)) code = code[3..];
        return All.FirstOrDefault(p => p.Iso[3..] == code || (code.Length >= 2 && char.IsDigit(code[0]) && code.StartsWith(p.Numeric, StringComparison.Ordinal)));
    }
}

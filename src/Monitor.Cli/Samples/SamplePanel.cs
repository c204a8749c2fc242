namespace Monitor.Cli.Samples;

/// <summary>The catalogue of the sample panel: national indicators, 31 provinces and 20 industries (names in Chinese and English).</summary>
internal static class SamplePanel
{
    public const string Dataset = "china_sample";
    public static readonly DateOnly FirstMonth = new(2015, 1, 1);

    /// <summary>Last month of the first release; the revision release adds one month and revises the three before it.</summary>
    public static readonly DateOnly LastMonth = new(2025, 8, 1);

    /// <summary>Lunar New Year day per year: the moving Spring Festival shifts activity between January and February.</summary>
    public static readonly IReadOnlyDictionary<int, DateOnly> SpringFestival = new Dictionary<int, DateOnly>
    {
        [2015] = new(2015, 2, 19), [2016] = new(2016, 2, 8), [2017] = new(2017, 1, 28), [2018] = new(2018, 2, 16),
        [2019] = new(2019, 2, 5), [2020] = new(2020, 1, 25), [2021] = new(2021, 2, 12), [2022] = new(2022, 2, 1),
        [2023] = new(2023, 1, 22), [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17),
    };

    public static readonly IReadOnlyList<(string Code, string En, string Zh)> Provinces =
    [
        ("CN-BJ", "Beijing", "北京"), ("CN-TJ", "Tianjin", "天津"), ("CN-HE", "Hebei", "河北"), ("CN-SX", "Shanxi", "山西"),
        ("CN-NM", "Inner Mongolia", "内蒙古"), ("CN-LN", "Liaoning", "辽宁"), ("CN-JL", "Jilin", "吉林"), ("CN-HL", "Heilongjiang", "黑龙江"),
        ("CN-SH", "Shanghai", "上海"), ("CN-JS", "Jiangsu", "江苏"), ("CN-ZJ", "Zhejiang", "浙江"), ("CN-AH", "Anhui", "安徽"),
        ("CN-FJ", "Fujian", "福建"), ("CN-JX", "Jiangxi", "江西"), ("CN-SD", "Shandong", "山东"), ("CN-HA", "Henan", "河南"),
        ("CN-HB", "Hubei", "湖北"), ("CN-HN", "Hunan", "湖南"), ("CN-GD", "Guangdong", "广东"), ("CN-GX", "Guangxi", "广西"),
        ("CN-HI", "Hainan", "海南"), ("CN-CQ", "Chongqing", "重庆"), ("CN-SC", "Sichuan", "四川"), ("CN-GZ", "Guizhou", "贵州"),
        ("CN-YN", "Yunnan", "云南"), ("CN-XZ", "Tibet (Xizang)", "西藏"), ("CN-SN", "Shaanxi", "陕西"), ("CN-GS", "Gansu", "甘肃"),
        ("CN-QH", "Qinghai", "青海"), ("CN-NX", "Ningxia", "宁夏"), ("CN-XJ", "Xinjiang", "新疆"),
    ];

    /// <summary>GB/T 4754-2017 sections and divisions with their sensitivity to the cycle.</summary>
    public static readonly IReadOnlyList<(string Code, string En, string Zh, double Beta)> Industries =
    [
        ("GB-B06", "Coal mining and washing", "煤炭开采和洗选业", 0.8), ("GB-B07", "Oil and gas extraction", "石油和天然气开采业", 0.5),
        ("GB-B08", "Ferrous metal ore mining", "黑色金属矿采选业", 1.1), ("GB-C13", "Agri-food processing", "农副食品加工业", 0.6),
        ("GB-C15", "Beverages", "酒、饮料和精制茶制造业", 0.7), ("GB-C17", "Textiles", "纺织业", 1.0),
        ("GB-C22", "Paper and paper products", "造纸和纸制品业", 0.9), ("GB-C25", "Petroleum, coal and fuel processing", "石油、煤炭及其他燃料加工业", 0.8),
        ("GB-C26", "Chemical materials and products", "化学原料和化学制品制造业", 1.1), ("GB-C27", "Pharmaceuticals", "医药制造业", 0.4),
        ("GB-C30", "Non-metallic mineral products", "非金属矿物制品业", 1.3), ("GB-C31", "Ferrous metal smelting and rolling", "黑色金属冶炼和压延加工业", 1.4),
        ("GB-C32", "Non-ferrous metal smelting and rolling", "有色金属冶炼和压延加工业", 1.2), ("GB-C33", "Metal products", "金属制品业", 1.1),
        ("GB-C34", "General-purpose machinery", "通用设备制造业", 1.3), ("GB-C35", "Special-purpose machinery", "专用设备制造业", 1.2),
        ("GB-C36", "Automobiles", "汽车制造业", 1.5), ("GB-C38", "Electrical machinery and equipment", "电气机械和器材制造业", 1.2),
        ("GB-C39", "Computers, communication and electronics", "计算机、通信和其他电子设备制造业", 1.0),
        ("GB-D44", "Electricity and heat supply", "电力、热力生产和供应业", 0.6),
    ];
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using Monitor.Enterprises.Codes;

namespace Monitor.Enterprises.Tests;

/// <summary>One line of a test panel, in the layout's column order.</summary>
internal sealed record PanelRow(string Id, string Name, string Region, string Industry, string Size, string Indicator, string Period, string Value, string Unit = "万元")
{
    public string Csv => string.Join(',', Id, Name, Region, Industry, Size, Indicator, Period, Value, Unit);
}

/// <summary>Writes small enterprise panels for tests.</summary>
internal static class PanelFiles
{
    public const string Header = "enterprise_id,enterprise_name,region_code,industry_code,size_class,indicator,period,value,unit";

    /// <summary>A valid unified social credit code for firm number <paramref name="n"/> registered in <paramref name="region"/>.</summary>
    public static string Id(int n, string region = "110101")
    {
        var first17 = "91" + region + n.ToString("D8", CultureInfo.InvariantCulture) + "X";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>Rows of <paramref name="firms"/> firms × months × one indicator ("output"), values 100 + firm + month.</summary>
    public static List<PanelRow> Rows(int firms, int months, string region = "110101", string industry = "1311", string size = "small")
    {
        var rows = new List<PanelRow>();
        for (var f = 1; f <= firms; f++)
            for (var m = 1; m <= months; m++)
                rows.Add(new PanelRow(Id(f, region), $"企业{f}", region, industry, size, "output", $"2024-{m:D2}", (100 + f + m).ToString(CultureInfo.InvariantCulture)));
        return rows;
    }

    public static string WriteCsv(string folder, IEnumerable<PanelRow> rows, string name = "panel.csv")
    {
        var path = Path.Combine(folder, name);
        var text = Header + "\n" + string.Join("\n", rows.Select(r => r.Csv)) + "\n";
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        else File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}

using System.Text;
using Monitor.Core.Domain;
using Monitor.Core.Text;

namespace Monitor.Cli.Samples;

/// <summary>Writes a sample release in the long layout of ../shared/datasets (observations.csv + series.csv), plus labels.csv.</summary>
internal static class SampleWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(SampleRelease release, string folder)
    {
        WriteDataset(release.First, Path.Combine(folder, SamplePanel.Dataset));
        WriteDataset(release.Revision, Path.Combine(folder, SamplePanel.Dataset + "_revision"));
        var labels = new StringBuilder("series_id,period,kind,magnitude,note\n");
        foreach (var label in release.Labels)
            labels.Append(CsvField.Line([label.SeriesId, CsvField.Date(label.Period), label.Kind, CsvField.Number(label.Magnitude, 2), label.Note])).Append('\n');
        File.WriteAllText(Path.Combine(folder, "labels.csv"), labels.ToString(), Utf8NoBom);
    }

    private static void WriteDataset(IReadOnlyList<SampleSeries> seriesList, string folder)
    {
        Directory.CreateDirectory(folder);
        var observations = new StringBuilder("series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n");
        var catalogue = new StringBuilder("series_code,series_name,name_zh,domain,country,region_code,industry_code,frequency,unit,first_period,last_period,n_obs,source_file,source_column,transform_code,group,notes,counter_cyclical\n");
        foreach (var series in seriesList)
        {
            foreach (var (period, value) in series.Values)
            {
                observations.Append(CsvField.Line([series.Code, series.Name, series.Domain, series.RegionCode, series.IndustryCode,
                    series.Frequency.Code(), CsvField.Date(period), CsvField.Number(value, series.Decimals), series.Unit])).Append('\n');
            }
            catalogue.Append(CsvField.Line([series.Code, series.Name, series.NameZh, series.Domain, "CN", series.RegionCode, series.IndustryCode,
                series.Frequency.Code(), series.Unit, CsvField.Date(series.Values.Keys.First()), CsvField.Date(series.Values.Keys.Last()),
                series.Values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "generated", series.Code, series.Transform, series.Group, series.Notes,
                series.CounterCyclical ? "true" : "false"])).Append('\n');
        }
        File.WriteAllText(Path.Combine(folder, "observations.csv"), observations.ToString(), Utf8NoBom);
        File.WriteAllText(Path.Combine(folder, "series.csv"), catalogue.ToString(), Utf8NoBom);
    }
}

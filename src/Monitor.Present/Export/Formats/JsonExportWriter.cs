using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.Present.Export.Formats;

/// <summary>
/// Streaming JSON: <c>{ generated_at, filter, series: [ { metadata, model, accuracy, steps: [ {step, period, point,
/// lo80, hi80, lo95, hi95} ] } ], rows, series_count }</c>. Flushed every few hundred rows, so memory stays flat.
/// </summary>
public sealed class JsonExportWriter : IExportRowWriter
{
    /// <summary>Per-step columns; every other column is the same for all steps of a series and written once per series.</summary>
    public static readonly IReadOnlySet<string> StepColumns = new HashSet<string> { "step", "period", "point", "lo80", "hi80", "lo95", "hi95" };

    private const int FlushEveryRows = 512;

    public ExportFormat Format => ExportFormat.Json;

    public ExportResult Write(IEnumerable<object?[]> rows, ExportMetadata metadata, Stream output)
    {
        // Chinese stays readable (not \uXXXX) and the writer never emits HTML-sensitive characters unescaped in a way that matters for a file.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false });
        json.WriteStartObject();
        json.WriteString("generated_at", DateTime.SpecifyKind(metadata.GeneratedAtUtc, DateTimeKind.Utc));
        json.WriteString("filter", metadata.Filter);
        json.WriteStartArray("series");
        var counter = new ExportCounter();
        var open = false;
        foreach (var row in rows)
        {
            if (counter.Count(row))
            {
                if (open) EndSeries(json);
                StartSeries(json, row);
                open = true;
            }
            WriteStep(json, row);
            if (counter.Rows % FlushEveryRows == 0) json.Flush();
        }
        if (open) EndSeries(json);
        json.WriteEndArray();
        json.WriteNumber("rows", counter.Rows);
        json.WriteNumber("series_count", counter.Series);
        json.WriteEndObject();
        json.Flush();
        return counter.Result(Format);
    }

    private static void StartSeries(Utf8JsonWriter json, object?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            if (!StepColumns.Contains(ExportColumns.All[i].Name)) WriteValue(json, ExportColumns.All[i].Name, row[i]);
        }
        json.WriteStartArray("steps");
    }

    private static void EndSeries(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, object?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            if (StepColumns.Contains(ExportColumns.All[i].Name)) WriteValue(json, ExportColumns.All[i].Name, row[i]);
        }
        json.WriteEndObject();
    }

    /// <summary>JSON has no NaN: non-finite numbers are written as null.</summary>
    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case string text: json.WriteString(name, text); break;
            case double number when double.IsFinite(number): json.WriteNumber(name, number); break;
            case double: json.WriteNull(name); break;
            case long whole: json.WriteNumber(name, whole); break;
            case DateOnly date: json.WriteString(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); break;
            case DateTime time: json.WriteString(name, DateTime.SpecifyKind(time, DateTimeKind.Unspecified)); break;
            default: json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}

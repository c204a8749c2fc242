namespace Monitor.Present.Export;

/// <summary>The file formats an export can be written in.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
    Parquet,
    Json,
}

/// <summary>Names, file extensions and media types of <see cref="ExportFormat"/>.</summary>
public static class ExportFormats
{
    public const string Choices = "csv, xlsx, parquet or json";

    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "csv": format = ExportFormat.Csv; return true;
            case "xlsx": format = ExportFormat.Xlsx; return true;
            case "parquet": format = ExportFormat.Parquet; return true;
            case "json": format = ExportFormat.Json; return true;
            default: format = default; return false;
        }
    }

    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => ".csv",
        ExportFormat.Xlsx => ".xlsx",
        ExportFormat.Parquet => ".parquet",
        ExportFormat.Json => ".json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string MediaType(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Parquet => "application/vnd.apache.parquet",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

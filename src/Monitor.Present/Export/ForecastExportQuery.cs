using System.Globalization;
using DuckDB.NET.Data;

namespace Monitor.Present.Export;

/// <summary>
/// The one SELECT behind every export format: forecasts joined with series metadata and backtest accuracy, filtered,
/// ordered by series and step. Filter values go in as parameters ($1, $2 …); only the column list is fixed text.
/// </summary>
public sealed class ForecastExportQuery
{
    private readonly SqlFilter _filter = new();

    public ForecastExportQuery(ExportFilter filter)
    {
        var chosen = ChosenRuns(filter);
        _filter.In("s.domain", filter.Domains).In("s.region_code", filter.Regions)
            .In("s.industry_code", filter.Industries).In("s.series_id", filter.SeriesIds);
        Sql = $"""
            WITH chosen AS ({chosen})
            SELECT {string.Join(", ", ExportColumns.All.Select(c => SourceOf(c.Name)))}
            FROM forecasts f
            JOIN chosen c ON c.series_id = f.series_id AND c.run_id = f.run_id
            JOIN series s ON s.series_id = f.series_id
            LEFT JOIN forecast_accuracy a ON a.run_id = f.run_id AND a.series_id = f.series_id
            {_filter.WhereClause}
            ORDER BY s.series_id, f.step
            """;
    }

    /// <summary>The statement text, with $n placeholders.</summary>
    public string Sql { get; }

    /// <summary>A command on <paramref name="connection"/> for this query, with its parameters bound; optionally paged.</summary>
    public DuckDBCommand CreateCommand(DuckDBConnection connection, int? limit = null, long offset = 0) =>
        _filter.CreateCommand(connection, limit is { } take
            ? $"{Sql}\nLIMIT {take.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}"
            : Sql);

    /// <summary>The number of rows the query returns (for pagination).</summary>
    public long Count(DuckDBConnection connection)
    {
        using var command = _filter.CreateCommand(connection, $"SELECT count(*) FROM ({Sql})");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string ChosenRuns(ExportFilter filter)
    {
        if (filter.RunId is { } run)
            return $"SELECT DISTINCT series_id, run_id FROM forecasts WHERE run_id = {_filter.Parameter(run)}";
        // Failed runs never count; with an as-of date only runs finished by then (what an analyst could have seen).
        var asOf = filter.AsOf is { } at ? $" AND coalesce(r.finished_at, r.started_at) <= {_filter.Parameter(at)}" : "";
        return $"""
            SELECT f.series_id, max(f.run_id) AS run_id
            FROM forecasts f JOIN forecast_runs r ON r.run_id = f.run_id
            WHERE r.status <> 'failed'{asOf}
            GROUP BY f.series_id
            """;
    }

    private static string SourceOf(string column) => column switch
    {
        "series_id" => "s.series_id",
        "dataset" or "code" or "name" or "name_zh" or "domain" or "region_code" or "industry_code" or "frequency" or "unit" => "s." + column,
        "smape" or "mase" or "cov80" or "cov95" or "origins" => "a." + column,
        _ => "f." + column,
    };
}

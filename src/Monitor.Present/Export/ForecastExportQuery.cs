using System.Globalization;
using DuckDB.NET.Data;

namespace Monitor.Present.Export;

/// <summary>
/// The one SELECT behind every export format: forecasts joined with series metadata and backtest accuracy, filtered,
/// ordered by series and step. Filter values go in as parameters ($1, $2 …); only the column list is fixed text.
/// </summary>
public sealed class ForecastExportQuery
{
    private readonly List<object> _parameters = [];

    public ForecastExportQuery(ExportFilter filter)
    {
        var conditions = new List<string>();
        AddIn(conditions, "s.domain", filter.Domains);
        AddIn(conditions, "s.region_code", filter.Regions);
        AddIn(conditions, "s.industry_code", filter.Industries);
        AddIn(conditions, "s.series_id", filter.SeriesIds);
        Sql = $"""
            WITH chosen AS ({ChosenRuns(filter)})
            SELECT {string.Join(", ", ExportColumns.All.Select(c => SourceOf(c.Name)))}
            FROM forecasts f
            JOIN chosen c ON c.series_id = f.series_id AND c.run_id = f.run_id
            JOIN series s ON s.series_id = f.series_id
            LEFT JOIN forecast_accuracy a ON a.run_id = f.run_id AND a.series_id = f.series_id
            {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
            ORDER BY s.series_id, f.step
            """;
    }

    /// <summary>The statement text, with $n placeholders.</summary>
    public string Sql { get; }

    public IReadOnlyList<object> Parameters => _parameters;

    /// <summary>A command on <paramref name="connection"/> for this query, with its parameters bound; optionally paged.</summary>
    public DuckDBCommand CreateCommand(DuckDBConnection connection, int? limit = null, long offset = 0)
    {
        var command = connection.CreateCommand();
        command.CommandText = limit is { } take
            ? $"{Sql}\nLIMIT {take.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}"
            : Sql;
        foreach (var value in _parameters) command.Parameters.Add(new DuckDBParameter(value));
        return command;
    }

    /// <summary>The number of rows the query returns (for pagination).</summary>
    public long Count(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM ({Sql})";
        foreach (var value in _parameters) command.Parameters.Add(new DuckDBParameter(value));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string ChosenRuns(ExportFilter filter)
    {
        if (filter.RunId is { } run)
            return $"SELECT DISTINCT series_id, run_id FROM forecasts WHERE run_id = {Parameter(run)}";
        // Failed runs never count; with an as-of date only runs finished by then (what an analyst could have seen).
        var asOf = filter.AsOf is { } at ? $" AND coalesce(r.finished_at, r.started_at) <= {Parameter(at)}" : "";
        return $"""
            SELECT f.series_id, max(f.run_id) AS run_id
            FROM forecasts f JOIN forecast_runs r ON r.run_id = f.run_id
            WHERE r.status <> 'failed'{asOf}
            GROUP BY f.series_id
            """;
    }

    private void AddIn(List<string> conditions, string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        conditions.Add($"{column} IN ({string.Join(", ", values.Select(v => Parameter(v)))})");
    }

    private string Parameter(object value)
    {
        _parameters.Add(value);
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static string SourceOf(string column) => column switch
    {
        "series_id" => "s.series_id",
        "dataset" or "code" or "name" or "name_zh" or "domain" or "region_code" or "industry_code" or "frequency" or "unit" => "s." + column,
        "smape" or "mase" or "cov80" or "cov95" or "origins" => "a." + column,
        _ => "f." + column,
    };
}

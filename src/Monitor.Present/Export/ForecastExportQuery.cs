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

    /// <param name="filter">What to export.</param>
    /// <param name="seriesFrom">First series id of a batch (inclusive), or null.</param>
    /// <param name="seriesTo">Last series id of a batch (inclusive), or null.</param>
    public ForecastExportQuery(ExportFilter filter, string? seriesFrom = null, string? seriesTo = null)
    {
        var chosen = ChosenRuns(filter, seriesFrom, seriesTo);
        _filter.In("s.domain", filter.Domains).In("s.region_code", filter.Regions)
            .In("s.industry_code", filter.Industries).In("s.series_id", filter.SeriesIds)
            .Where("s.series_id >= {0}", seriesFrom).Where("s.series_id <= {0}", seriesTo)
            // Repeated on the forecasts side so that DuckDB prunes the forecasts scan too (it does not infer it through the join).
            .Where("f.series_id >= {0}", seriesFrom).Where("f.series_id <= {0}", seriesTo);
        SeriesSql = $"""
            WITH chosen AS ({chosen})
            SELECT s.series_id FROM chosen f JOIN series s ON s.series_id = f.series_id
            {_filter.WhereClause}
            ORDER BY s.series_id
            """;
        UnorderedSql = $"""
            WITH chosen AS ({chosen})
            SELECT {string.Join(", ", ExportColumns.All.Select(c => SourceOf(c.Name)))}
            FROM forecasts f
            JOIN chosen c ON c.series_id = f.series_id AND c.run_id = f.run_id
            JOIN series s ON s.series_id = f.series_id
            LEFT JOIN forecast_accuracy a ON a.run_id = f.run_id AND a.series_id = f.series_id
            {_filter.WhereClause}
            """;
        Sql = UnorderedSql + "ORDER BY s.series_id, f.step";
    }

    /// <summary>The statement text, with $n placeholders, ordered by series and step.</summary>
    public string Sql { get; }

    /// <summary>The same rows in storage order: no sort, so DuckDB can stream them with little memory (used for Parquet).</summary>
    public string UnorderedSql { get; }

    /// <summary>The ids of the series the query covers, in export order (same parameters as <see cref="Sql"/>).</summary>
    public string SeriesSql { get; }

    /// <summary>The ids of the series the query covers, in export order.</summary>
    public IReadOnlyList<string> SeriesIds(DuckDBConnection connection)
    {
        using var command = _filter.CreateCommand(connection, SeriesSql);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>A streaming command on <paramref name="connection"/> for this query, with its parameters bound; optionally paged.</summary>
    public DuckDBCommand CreateCommand(DuckDBConnection connection, int? limit = null, long offset = 0)
    {
        var command = _filter.CreateCommand(connection, limit is { } take
            ? $"{Sql}\nLIMIT {take.ToString(CultureInfo.InvariantCulture)} OFFSET {offset.ToString(CultureInfo.InvariantCulture)}"
            : Sql);
        // Streaming: rows are fetched chunk by chunk as they are read, instead of DuckDB materialising the whole result.
        command.UseStreamingMode = true;
        return command;
    }

    /// <summary>The number of rows the query returns (for pagination).</summary>
    public long Count(DuckDBConnection connection)
    {
        using var command = _filter.CreateCommand(connection, $"SELECT count(*) FROM ({Sql})");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string ChosenRuns(ExportFilter filter, string? seriesFrom, string? seriesTo)
    {
        var range = (seriesFrom is null ? "" : $" AND f.series_id >= {_filter.Parameter(seriesFrom)}")
            + (seriesTo is null ? "" : $" AND f.series_id <= {_filter.Parameter(seriesTo)}");
        if (filter.RunId is { } run)
            return $"SELECT DISTINCT f.series_id, f.run_id FROM forecasts f WHERE f.run_id = {_filter.Parameter(run)}{range}";
        // Failed runs never count; with an as-of date only runs finished by then (what an analyst could have seen).
        var asOf = filter.AsOf is { } at ? $" AND coalesce(r.finished_at, r.started_at) <= {_filter.Parameter(at)}" : "";
        return $"""
            SELECT f.series_id, max(f.run_id) AS run_id
            FROM forecasts f JOIN forecast_runs r ON r.run_id = f.run_id
            WHERE r.status <> 'failed'{asOf}{range}
            GROUP BY f.series_id
            """;
    }

    private static string SourceOf(string column) => column switch
    {
        "series_id" => "s.series_id",
        "dataset" or "code" or "name" or "name_zh" or "domain" or "region_code" or "industry_code" or "frequency" or "unit" => "s." + column,
        "smape" or "mase" or "cov80" or "cov95" or "origins" => "a." + column,
        "accuracy_sample" => "a.sample",
        _ => "f." + column,
    };
}

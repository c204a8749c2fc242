using DuckDB.NET.Data;

namespace Monitor.Ingest.Vintage;

/// <summary>The per-connection temporary tables a run stages into; they vanish with the connection, so a crash leaves nothing.</summary>
internal static class StagingTables
{
    public const string Observations = "ingest_stage_obs";
    public const string Series = "ingest_stage_series";
    public const string Diff = "ingest_stage_diff";
    public const string Attributes = "ingest_stage_attrs";
    public const string ReleaseGroups = "ingest_stage_release_group";
    public const string Releases = "ingest_stage_release";

    public static void Create(DuckDBConnection connection)
    {
        Sql.Execute(connection, null, $"""
            CREATE OR REPLACE TEMP TABLE {Observations} (sidx INTEGER NOT NULL, period DATE NOT NULL, value DOUBLE NOT NULL, line BIGINT NOT NULL, known_from TIMESTAMP, known_to TIMESTAMP);
            CREATE OR REPLACE TEMP TABLE {Series} (
                sidx INTEGER NOT NULL, series_id VARCHAR NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL, name_zh VARCHAR,
                domain VARCHAR NOT NULL, region_code VARCHAR, industry_code VARCHAR, frequency VARCHAR NOT NULL, unit VARCHAR,
                transform VARCHAR, country VARCHAR, counter_cyclical BOOLEAN, line BIGINT NOT NULL);
            CREATE OR REPLACE TEMP TABLE {Attributes} (sidx INTEGER NOT NULL, name VARCHAR NOT NULL, value VARCHAR NOT NULL);
            """);
    }

    public static void Drop(DuckDBConnection connection) =>
        Sql.Execute(connection, null, $"""
            DROP TABLE IF EXISTS {Observations}; DROP TABLE IF EXISTS {Series}; DROP TABLE IF EXISTS {Diff}; DROP TABLE IF EXISTS {Attributes};
            DROP TABLE IF EXISTS {ReleaseGroups}; DROP TABLE IF EXISTS {Releases};
            """);

    /// <summary>Appends the catalogue rows of the staged series.</summary>
    public static void AppendSeries(DuckDBConnection connection, IReadOnlyList<StagedSeries> series)
    {
        using var appender = connection.CreateAppender("temp", "main", Series);
        for (var i = 0; i < series.Count; i++)
        {
            var (id, spec, line) = series[i];
            appender.CreateRow()
                .AppendValue(i).AppendValue(id).AppendValue(spec.Code).AppendValue(spec.Name).AppendValue(spec.NameZh)
                .AppendValue(spec.Domain).AppendValue(spec.RegionCode).AppendValue(spec.IndustryCode).AppendValue(spec.Frequency)
                .AppendValue(spec.Unit).AppendValue(spec.Transform).AppendValue(spec.Country).AppendValue(spec.CounterCyclical).AppendValue(line)
                .EndRow();
        }
        using var attributes = connection.CreateAppender("temp", "main", Attributes);
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var (name, value) in series[i].Spec.Attributes ?? new Dictionary<string, string>())
                attributes.CreateRow().AppendValue(i).AppendValue(name).AppendValue(value).EndRow();
        }
    }
}

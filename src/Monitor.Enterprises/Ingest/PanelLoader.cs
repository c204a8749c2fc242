using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// Loads one enterprise panel file (CSV, CSV.GZ, Parquet, or an Excel workbook's first sheet) as a new vintage. DuckDB's own reader inserts the rows in
/// one statement inside a transaction; the set-wise checks then run on the uncommitted rows, and any problem rolls the
/// whole file back (the store is unchanged) and records a failed run with file:line problems. A clean file is merged
/// like series: revised rows close the current one, unchanged rows are dropped, new rows stay.
/// </summary>
public sealed class PanelLoader(MonitorStore store, TimeProvider clock)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public PanelLoadResult Load(string path, string source, CancellationToken cancellationToken = default)
    {
        Gate.Wait(cancellationToken);
        try
        {
            return LoadLocked(path, source);
        }
        finally
        {
            Gate.Release();
        }
    }

    private PanelLoadResult LoadLocked(string path, string source)
    {
        var startedAt = Now();
        using var connection = store.Open();
        var runId = MonitorStore.NextId(connection, "ingest_run_seq");
        var run = new RunRecord(connection, runId, source, Path.GetFullPath(path), startedAt);
        if (!File.Exists(path)) return run.Failed([new PanelProblem(Path.GetFileName(path), 0, "file", "not found")], 0, Now());
        if (!PanelWorkbook.Is(path)) return LoadFile(connection, run, path, runId, source);
        // A workbook goes through the same loader as a CSV written from its first sheet; problems name its cells.
        using var workbook = PanelWorkbook.Open(path);
        run.Place = workbook.Place;
        return workbook.Problems.Count > 0 ? run.Failed(workbook.Problems, 0, Now()) : LoadFile(connection, run, workbook.CsvPath, runId, source);
    }

    private PanelLoadResult LoadFile(DuckDBConnection connection, RunRecord run, string path, long runId, string source)
    {
        var shown = Path.GetFileName(path);
        PanelChecks.Prepare(connection);
        if (HeaderProblem(connection, path) is { } header) return run.Failed([new PanelProblem(shown, 1, "header", header)], 0, Now());

        Sql.Execute(connection, null, "BEGIN TRANSACTION");
        long rows;
        try
        {
            var knownFrom = KnownFrom(connection);
            rows = Insert(connection, path, knownFrom, runId);
            var otherRows = Sql.Long(connection, null, "SELECT count(*) FROM (SELECT 1 FROM enterprise_observations WHERE known_to IS NULL AND run_id <> $1 LIMIT 1)", runId) > 0;
            var findings = PanelChecks.Run(connection, runId, otherRows);
            if (rows == 0) return Reject(connection, run, [new PanelProblem(shown, 2, "file", "no data rows (header only)")], 0);
            if (findings.Any)
            {
                Sql.Execute(connection, null, "ROLLBACK");
                return run.Failed(PanelExplainer.Explain(connection, path, shown, findings), rows, Now());
            }
            DropIdenticalRepeats(connection, runId, findings);
            var counts = otherRows ? PanelMerge.Diff(connection, runId, knownFrom) : new PanelMerge.Counts(rows, 0, 0);
            var firms = Sql.Long(connection, null, "SELECT count(DISTINCT enterprise_id) FROM enterprise_observations WHERE run_id = $1", runId);
            var result = new PanelLoadResult(runId, source, "succeeded", rows, counts.New, counts.Revised, counts.Unchanged, firms, []);
            run.Write(result, Now());
            Sql.Execute(connection, null, "COMMIT");
            return result;
        }
        catch (DuckDBException ex)
        {
            // The reader itself failed (unreadable file, broken quoting); the transaction is rolled back.
            return Reject(connection, run, [new PanelProblem(shown, ReaderLine(ex.Message), "file", ex.Message.Split('\n')[0])], 0);
        }
    }

    private static long Insert(DuckDBConnection connection, string path, DateTime knownFrom, long runId) =>
        Sql.Execute(connection, null, $"""
            INSERT INTO enterprise_observations
            SELECT enterprise_id, enterprise_name, region_code, industry_code, size_class, indicator, period, value, unit, $1, NULL, $2
            FROM ({PanelLayout.Projection(PanelLayout.Source(path))})
            """, knownFrom, runId);

    private PanelLoadResult Reject(DuckDBConnection connection, RunRecord run, List<PanelProblem> problems, long rows)
    {
        try { Sql.Execute(connection, null, "ROLLBACK"); }
        catch (DuckDBException) { /* already rolled back by the failed statement */ }
        return run.Failed(problems, rows, Now());
    }

    private static string? HeaderProblem(DuckDBConnection connection, string path)
    {
        try
        {
            var parquetColumns = PanelLayout.IsParquet(path)
                ? Sql.Rows(connection, $"DESCRIBE SELECT * FROM read_parquet({SqlIdentifier.Literal(Path.GetFullPath(path))})", r => r.GetString(0))
                : null;
            return PanelLayout.HeaderProblem(path, parquetColumns);
        }
        catch (Exception ex) when (ex is DuckDBException or IOException or InvalidDataException)
        {
            return $"unreadable: {ex.Message.Split('\n')[0]}";
        }
    }

    // A repeated (firm, indicator, month) with one value is the same fact twice: keep one row.
    private static void DropIdenticalRepeats(DuckDBConnection connection, long runId, PanelChecks.Findings findings)
    {
        foreach (var pair in findings.Pairs.Where(p => p.Kind == PanelChecks.Identical))
            Sql.Execute(connection, null, """
                DELETE FROM enterprise_observations WHERE run_id = $1 AND enterprise_id = $2 AND period = $3 AND rowid NOT IN (
                    SELECT min(rowid) FROM enterprise_observations WHERE run_id = $1 AND enterprise_id = $2 AND period = $3 GROUP BY indicator)
                """, runId, pair.EnterpriseId, pair.Period);
    }

    // A new vintage starts after every vintage already stored, even if the clock stepped back.
    private DateTime KnownFrom(DuckDBConnection connection)
    {
        var now = Now();
        var latest = Sql.Rows(connection, "SELECT max(known_from) FROM enterprise_observations", r => r.IsDBNull(0) ? (DateTime?)null : r.GetDateTime(0)).Single();
        return latest is { } last && last >= now ? last.AddTicks(10) : now;
    }

    private static long ReaderLine(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"[Ll]ine:?\s*(\d+)");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    // DuckDB timestamps hold microseconds; truncating keeps as-of comparisons exact.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}

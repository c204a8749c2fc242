using Monitor.Core.Text;
using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// Loads one parsed file into the store as a new vintage. The rows are staged in a temporary table first; only a
/// file without a single bad row is merged, in one transaction with its ingest_runs record, so a failed or killed run
/// leaves the store as it was (a failed run is recorded alone, with its error report).
/// </summary>
public sealed class VintageWriter(MonitorStore store, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SourceLocks = new(StringComparer.Ordinal);

    public IngestResult Ingest(IngestInput input, CancellationToken cancellationToken = default)
    {
        // Two runs of one source never overlap in this process (Hangfire's DisableConcurrentExecution covers servers).
        var gate = SourceLocks.GetOrAdd(input.Source, _ => new SemaphoreSlim(1, 1));
        gate.Wait(cancellationToken);
        try
        {
            return IngestLocked(input, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private IngestResult IngestLocked(IngestInput input, CancellationToken cancellationToken)
    {
        var startedAt = Now();
        using var connection = store.Open();
        var runId = MonitorStore.NextId(connection, "ingest_run_seq");
        var hash = input.HashedFiles.Count > 0 ? FileHash.Compute(input.HashedFiles) : null;
        if (!input.Force && hash is not null && IngestRunLog.LastHash(connection, input.Source) == hash)
        {
            var skipped = new IngestResult(runId, input.Source, "skipped", 0, 0, 0, 0, 0, 0, []);
            IngestRunLog.Record(connection, null, skipped, input.Location, hash, startedAt, Now(), 0);
            return skipped;
        }

        try
        {
            return StageAndMerge(connection, input, runId, hash, startedAt, cancellationToken);
        }
        finally
        {
            StagingTables.Drop(connection);
        }
    }

    private IngestResult StageAndMerge(DuckDBConnection connection, IngestInput input, long runId, string? hash, DateTime startedAt, CancellationToken cancellationToken)
    {
        using var sink = new StagingSink(connection, input.Dataset, input.FileName);
        var readable = ReadInto(input, sink);
        sink.Complete();
        StagingTables.AppendSeries(connection, sink.StagedSeries);
        cancellationToken.ThrowIfCancellationRequested();
        if (readable && sink.RowsRead == 0) { sink.Problem(1, "file", "no data rows (empty file or header only)"); readable = false; }
        if (readable && (sink.ProblemCount == 0 || input.Quarantine)) StagedChecks.Run(connection, sink, input.Quarantine);
        if (!readable || (sink.ProblemCount > 0 && !input.Quarantine)) return RecordFailure(connection, input, runId, hash, startedAt, sink);
        try
        {
            return Commit(connection, input, runId, hash, startedAt, sink);
        }
        catch (DuckDBException ex)
        {
            // The transaction was rolled back; the store keeps its previous state and the run says why.
            sink.Problem(0, "store", ex.Message.Split('\n')[0]);
            return RecordFailure(connection, input, runId, hash, startedAt, sink);
        }
    }

    /// <summary>Reads the input into the sink; false when the input as a whole is unreadable (never quarantined).</summary>
    private static bool ReadInto(IngestInput input, StagingSink sink)
    {
        try
        {
            input.Read(sink);
            return true;
        }
        catch (InputRejectedException ex)
        {
            sink.Problem(ex.Line, ex.Field, ex.Message);
            return false;
        }
        catch (CsvFormatException ex)
        {
            sink.Problem(ex.Line, "record", ex.Message);
            return false;
        }
        catch (Exception ex) when (ex is DuckDBException or IOException or UnauthorizedAccessException)
        {
            sink.Problem(sink.RowsRead + 1, "file", ex.Message.Split('\n')[0]);
            return false;
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            sink.Problem(sink.RowsRead + 1, "encoding", $"bytes that are not valid in the file's encoding ({ex.Message.Split('.')[0]})");
            return false;
        }
    }

    private IngestResult Commit(DuckDBConnection connection, IngestInput input, long runId, string? hash, DateTime startedAt, StagingSink sink)
    {
        using var transaction = connection.BeginTransaction();
        var knownFrom = KnownFrom(connection, transaction);
        var counts = VintageMerge.Apply(connection, transaction, input.Dataset, input.Source, knownFrom, runId, sink.StagedSeries, sink.Vintaged);
        var result = new IngestResult(runId, input.Source, "succeeded", sink.RowsRead, counts.New, counts.Revised, counts.Unchanged, sink.ProblemCount, sink.StagedSeries.Count, sink.Problems, sink.RowsSkipped);
        IngestRunLog.Record(connection, transaction, result, input.Location, hash, startedAt, Now(), sink.ProblemCount);
        if (sink.ProblemCount > 0) Quarantine.Store(connection, transaction, runId, input.Source, sink.Problems);
        transaction.Commit();
        return result;
    }

    private IngestResult RecordFailure(DuckDBConnection connection, IngestInput input, long runId, string? hash, DateTime startedAt, StagingSink sink)
    {
        var rejected = Math.Max(sink.ProblemCount, 1);
        var result = new IngestResult(runId, input.Source, "failed", sink.RowsRead, 0, 0, 0, rejected, sink.StagedSeries.Count, sink.Problems);
        IngestRunLog.Record(connection, null, result, input.Location, hash, startedAt, Now(), sink.ProblemCount);
        return result;
    }

    // A new vintage must start after every vintage already stored, even if the clock stepped back.
    private DateTime KnownFrom(DuckDBConnection connection, DuckDBTransaction transaction)
    {
        var now = Now();
        var latest = Sql.Scalar(connection, transaction, "SELECT max(greatest(known_from, coalesce(known_to, known_from))) FROM observations") as DateTime?;
        return latest is { } last && last >= now ? last.AddTicks(10) : now;
    }

    // DuckDB timestamps hold microseconds; truncating here keeps as-of comparisons exact.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}

namespace Monitor.Ingest.Model;

/// <summary>The outcome of one ingest run as recorded in ingest_runs.</summary>
public sealed record IngestResult(
    long RunId,
    string Source,
    string Status,
    long RowsRead,
    long RowsNew,
    long RowsRevised,
    long RowsUnchanged,
    long RowsRejected,
    int SeriesCount,
    IReadOnlyList<IngestProblem> Problems,
    long RowsSkipped = 0)
{
    public bool Succeeded => Status is "succeeded" or "skipped";

    /// <summary>The one-line summary printed by the CLI and stored as the job message.</summary>
    public string Summary() => Status == "skipped"
        ? $"{Source}: unchanged file, skipped (run {RunId})"
        : $"{Source}: {Status}: rows read {RowsRead}, new {RowsNew}, revised {RowsRevised}, unchanged {RowsUnchanged}, rejected {RowsRejected}{(RowsSkipped > 0 ? $", skipped as missing {RowsSkipped}" : "")}; series {SeriesCount} (run {RunId})";
}

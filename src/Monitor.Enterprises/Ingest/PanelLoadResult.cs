namespace Monitor.Enterprises.Ingest;

/// <summary>
/// One rejected cell or row of a panel file, printed as <c>file:line: field: reason</c>, or for a workbook
/// <c>file: sheet!cell: field: reason</c> (<see cref="Place"/>).
/// </summary>
public sealed record PanelProblem(string File, long Line, string Field, string Reason, string? Place = null)
{
    public override string ToString() => Place is null ? $"{File}:{Line}: {Field}: {Reason}" : $"{File}: {Place}: {Field}: {Reason}";
}

/// <summary>The outcome of one panel load, as recorded in ingest_runs.</summary>
public sealed record PanelLoadResult(
    long RunId, string Source, string Status, long RowsRead, long RowsNew, long RowsRevised, long RowsUnchanged, long Firms,
    IReadOnlyList<PanelProblem> Problems)
{
    public bool Succeeded => Status == "succeeded";

    /// <summary>The one-line summary printed by the CLI and stored as the job message.</summary>
    public string Summary() => Succeeded
        ? $"{Source}: succeeded: rows read {RowsRead}, new {RowsNew}, revised {RowsRevised}, unchanged {RowsUnchanged}; firms {Firms} (run {RunId})"
        : $"{Source}: failed, store unchanged: {Problems.Count} problem(s), first {Problems.FirstOrDefault()} (run {RunId})";
}

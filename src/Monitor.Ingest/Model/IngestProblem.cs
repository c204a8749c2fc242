namespace Monitor.Ingest.Model;

/// <summary>
/// One rejected input: where it is and why, printed as <c>file:line: field: reason</c>, or for inputs without lines
/// (workbooks, messages) as <c>file: place: reason</c> with the place a reader gave ("工业!D14").
/// </summary>
public sealed record IngestProblem(string File, long Line, string Field, string Reason, string? Place = null)
{
    public override string ToString() => Place is null ? $"{File}:{Line}: {Field}: {Reason}" : $"{File}: {Place}: {Reason}";
}

namespace Monitor.Ingest.Model;

/// <summary>One rejected input: where it is and why, printed as <c>file:line: field: reason</c>.</summary>
public sealed record IngestProblem(string File, long Line, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}

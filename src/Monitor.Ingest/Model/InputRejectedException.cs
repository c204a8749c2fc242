namespace Monitor.Ingest.Model;

/// <summary>Input that cannot be read any further (bad encoding, unknown layout, unclosed quote); the whole file is rejected.</summary>
public sealed class InputRejectedException(long line, string field, string reason) : Exception(reason)
{
    public long Line { get; } = line;

    public string Field { get; } = field;
}

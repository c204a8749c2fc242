namespace Monitor.Ingest.Workbooks;

/// <summary>Bounds that keep a hostile workbook from exhausting memory: uncompressed bytes of an .xlsx, and cells read.</summary>
public sealed record WorkbookLimits(long MaxUncompressedBytes = 512L * 1024 * 1024, long MaxCells = 20_000_000, int MaxCompressionRatio = 200)
{
    public static WorkbookLimits Default { get; } = new();
}

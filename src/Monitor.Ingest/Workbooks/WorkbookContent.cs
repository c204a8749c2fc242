using System.IO.Compression;

namespace Monitor.Ingest.Workbooks;

/// <summary>What a file's bytes say it is, whatever its name says.</summary>
public enum WorkbookKind
{
    NotAWorkbook,
    Xls,
    Xlsx,
}

/// <summary>
/// Recognises workbooks by content (OLE2 compound file for BIFF8 .xls, a zip holding xl/workbook.xml for .xlsx) and
/// checks an .xlsx against zip bombs before any XML is parsed: the bytes it inflates to are counted, not trusted from
/// the directory, and reading stops as soon as the limit or the compression ratio is passed.
/// </summary>
public static class WorkbookContent
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The kind the bytes show (a zip that is not a workbook is <see cref="WorkbookKind.NotAWorkbook"/>).</summary>
    public static WorkbookKind Detect(Stream stream)
    {
        var head = new byte[8];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (read == 8 && head.AsSpan().SequenceEqual(Ole2)) return WorkbookKind.Xls;
        if (read < 4 || head[0] != 'P' || head[1] != 'K') return WorkbookKind.NotAWorkbook;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("xl/workbook.xml") is not null || zip.GetEntry("xl/workbook.bin") is not null ? WorkbookKind.Xlsx : WorkbookKind.NotAWorkbook;
        }
        catch (InvalidDataException)
        {
            return WorkbookKind.NotAWorkbook;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>The kind a file name claims by its extension.</summary>
    public static WorkbookKind Claimed(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xls" => WorkbookKind.Xls,
        ".xlsx" or ".xlsm" => WorkbookKind.Xlsx,
        _ => WorkbookKind.NotAWorkbook,
    };

    /// <summary>Inflates every entry of an .xlsx into nothing, counting; throws when the total or the ratio is too large.</summary>
    public static void CheckInflatedSize(Stream stream, string fileName, WorkbookLimits limits)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxUncompressedBytes) throw TooLarge(fileName, limits);
                using var content = entry.Open();
                int n;
                while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > limits.MaxUncompressedBytes) throw TooLarge(fileName, limits);
                }
            }
            var compressed = Math.Max(stream.Length - start, 1);
            if (total > 10 * 1024 * 1024 && total / compressed > limits.MaxCompressionRatio)
                throw new WorkbookException(fileName, null, $"refused: inflates {total / compressed}× (more than {limits.MaxCompressionRatio}×), a zip bomb rather than a workbook");
        }
        catch (InvalidDataException ex)
        {
            throw new WorkbookException(fileName, null, $"damaged .xlsx (zip): {ex.Message}");
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static WorkbookException TooLarge(string fileName, WorkbookLimits limits) =>
        new(fileName, null, $"refused: inflates to more than {limits.MaxUncompressedBytes / (1024 * 1024)} MB (zip bomb or oversized workbook)");
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Uploads;

/// <summary>
/// Keeps uploaded files under data/uploads/&lt;sha256&gt;/&lt;name&gt; after refusing hostile ones: larger than the limit
/// (counted while copying, not trusted from the request), a name with a path or control characters, an extension
/// not read here, bytes unlike the extension (a workbook renamed .csv, text renamed .xlsx), a zip bomb as .xlsx.
/// </summary>
public sealed class UploadStore(IOptions<UploadOptions> options)
{
    private static readonly HashSet<string> Extensions = new([".xlsx", ".xls", ".csv", ".txt", ".json", ".xml", ".parquet"], StringComparer.OrdinalIgnoreCase);

    public string Folder => MonitorPaths.Resolve(options.Value.Folder);

    public StoredUpload Save(Stream content, string claimedName)
    {
        var name = CleanName(claimedName);
        Directory.CreateDirectory(Folder);
        var temporary = System.IO.Path.Combine(Folder, $".incoming-{Guid.NewGuid():N}");
        try
        {
            var (hash, size) = Copy(content, temporary);
            CheckContent(temporary, name);
            var folder = System.IO.Path.Combine(Folder, hash);
            Directory.CreateDirectory(folder);
            var path = System.IO.Path.Combine(folder, name);
            File.Move(temporary, path, overwrite: true);
            return new StoredUpload(hash, name, size, path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>A kept upload by its id (hash prefix) and name, or null; the name is cleaned the same way, so no path escapes.</summary>
    public StoredUpload? Find(string id, string fileName)
    {
        if (id.Length != 16 || !id.All(Uri.IsHexDigit)) return null;
        var name = CleanName(fileName);
        var folder = Directory.Exists(Folder) ? Directory.EnumerateDirectories(Folder, id + "*").FirstOrDefault() : null;
        var path = folder is null ? null : System.IO.Path.Combine(folder, name);
        return path is not null && File.Exists(path) ? new StoredUpload(System.IO.Path.GetFileName(folder!), name, new FileInfo(path).Length, path) : null;
    }

    /// <summary>The name kept: no folders, no control characters, no leading dot, a known extension.</summary>
    public static string CleanName(string claimedName)
    {
        var name = claimedName.Trim();
        if (name.Length == 0 || name.Length > 200) throw new UploadRejectedException("refused: the file name is empty or longer than 200 characters");
        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.StartsWith('.'))
            throw new UploadRejectedException($"refused: the file name '{Clip(name)}' holds a path; give a plain file name");
        if (name.Any(char.IsControl)) throw new UploadRejectedException("refused: the file name holds control characters");
        if (!Extensions.Contains(System.IO.Path.GetExtension(name)))
            throw new UploadRejectedException($"refused: '{Clip(name)}' is not a file type read here ({string.Join(", ", Extensions.Order())})");
        return name;
    }

    private (string Hash, long Size) Copy(Stream content, string target)
    {
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var file = File.Create(target);
        var buffer = new byte[81920];
        long size = 0;
        int n;
        while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            size += n;
            if (size > options.Value.MaxBytes) throw new UploadRejectedException($"refused: larger than the upload limit of {options.Value.MaxBytes / (1024 * 1024)} MB");
            hasher.AppendData(buffer, 0, n);
            file.Write(buffer, 0, n);
        }
        if (size == 0) throw new UploadRejectedException("refused: the file is empty");
        return (Convert.ToHexStringLower(hasher.GetHashAndReset()), size);
    }

    private void CheckContent(string path, string name)
    {
        using var stream = File.OpenRead(path);
        var kind = WorkbookContent.Detect(stream);
        var claimed = WorkbookContent.Claimed(name);
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        if (claimed != WorkbookKind.NotAWorkbook)
        {
            if (kind != claimed) throw new UploadRejectedException($"refused: '{Clip(name)}' is not {(claimed == WorkbookKind.Xls ? "an .xls" : "an .xlsx")} workbook by its content (wrong extension for the content)");
            if (kind == WorkbookKind.Xlsx)
            {
                try { WorkbookContent.CheckInflatedSize(stream, name, new WorkbookLimits(MaxUncompressedBytes: options.Value.MaxUncompressedBytes)); }
                catch (WorkbookException ex) { throw new UploadRejectedException(ex.Message); }
            }
            return;
        }
        if (extension == ".parquet") return;
        var head = new byte[8192];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (kind != WorkbookKind.NotAWorkbook || head.AsSpan(0, read).IndexOf((byte)0) >= 0 || (read >= 2 && head[0] == 'P' && head[1] == 'K'))
            throw new UploadRejectedException($"refused: '{Clip(name)}' holds binary data, not the text its extension says (wrong extension for the content)");
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

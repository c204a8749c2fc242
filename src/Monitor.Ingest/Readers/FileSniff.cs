using System.Text;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers;

/// <summary>A file's name and its first lines, decoded leniently, for format detection.</summary>
public sealed class FileSniff
{
    private FileSniff(string path, bool isDirectory, IReadOnlyList<string> lines, bool isBinary = false, bool isEmpty = false, string head = "")
    {
        Head = head;
        IsBinary = isBinary;
        IsEmpty = isEmpty;
        Path = path;
        IsDirectory = isDirectory;
        Lines = lines;
    }

    public string Path { get; }

    public bool IsDirectory { get; }

    /// <summary>The file holds NUL bytes: binary data, not text.</summary>
    public bool IsBinary { get; }

    /// <summary>The file has no bytes at all.</summary>
    public bool IsEmpty { get; }

    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Up to the first 8 lines (BOM removed); empty for folders and binary files.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The first 8 KB decoded (BOM removed); empty for folders and binary files.</summary>
    public string Head { get; }

    public string Line(int index) => index < Lines.Count ? Lines[index] : "";

    public static FileSniff Of(string path)
    {
        if (Directory.Exists(path)) return new FileSniff(path, true, []);
        var head = TextInput.Head(path, 8192);
        if (head.Length == 0) return new FileSniff(path, false, [], isEmpty: true);
        if (head.AsSpan().IndexOf((byte)0) >= 0) return new FileSniff(path, false, [], isBinary: true);
        var utf8 = System.Text.Unicode.Utf8.IsValid(head.Length < 8192 ? head : TextInput.TrimPartialCharacter(head));
        var text = (utf8 ? Encoding.UTF8 : TextInput.Lenient("GB18030")).GetString(head).TrimStart('\uFEFF');
        var lines = text.Split('\n').Take(8).Select(l => l.TrimEnd('\r')).ToList();
        return new FileSniff(path, false, lines, head: text);
    }
}

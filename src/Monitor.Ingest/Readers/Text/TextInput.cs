using System.Text;
using System.Text.Unicode;
using Monitor.Ingest.Model;

namespace Monitor.Ingest.Readers.Text;

/// <summary>
/// Opens text files in the encodings publishers use: UTF-8 (with or without BOM), GB18030/GBK (NBS portal exports),
/// Windows-1252 (FRED appendices). Undecodable bytes are an error naming the line, never silently replaced.
/// </summary>
internal static class TextInput
{
    private const int SniffBytes = 64 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextInput() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding named by a source entry ("utf-8", "gb18030", "gbk", "windows-1252"), with exceptions on bad bytes.</summary>
    public static Encoding Named(string name)
    {
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)) return StrictUtf8;
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            throw new InputRejectedException(0, "encoding", $"unknown encoding '{name}'");
        }
    }

    /// <summary>
    /// Decodes the whole file once before it is parsed, so that a bad byte is reported with its own line (a streaming
    /// reader decodes ahead in blocks and would fail on an earlier line). Vectorised decoding keeps this cheap.
    /// </summary>
    private static void Validate(string path, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var buffer = new byte[1 << 20];
        var chars = new char[encoding.GetMaxCharCount(buffer.Length)];
        long lines = 1;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException ex)
            {
                throw new InputRejectedException(lines + LineOf(buffer.AsSpan(0, read), Math.Max(0, ex.Index)) - 1, "encoding", $"bytes that are not valid {encoding.WebName}");
            }
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
    }

    /// <summary>An encoding that replaces bad bytes (only for sniffing a file's first lines, never for loading values).</summary>
    public static Encoding Lenient(string name) => Encoding.GetEncoding(name);

    /// <summary>The first bytes of a file (enough to detect its layout and encoding).</summary>
    public static byte[] Head(string path, int count = SniffBytes)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(count, Math.Max(0, stream.Length))];
        stream.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Detects the encoding: a declared one wins; else BOM or valid UTF-8 → UTF-8; else GB18030. NUL bytes mean binary.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> head, bool complete, string? declared)
    {
        if (head.IndexOf((byte)0) >= 0) throw new InputRejectedException(LineOf(head, head.IndexOf((byte)0)), "encoding", "binary data (NUL bytes): not a text file");
        if (!string.IsNullOrWhiteSpace(declared) && !declared.Equals("auto", StringComparison.OrdinalIgnoreCase)) return Named(declared);
        if (head.StartsWith("\uFEFF"u8)) return StrictUtf8;
        var sample = complete ? head : TrimPartialCharacter(head);
        return Utf8.IsValid(sample) ? StrictUtf8 : Named("GB18030");
    }

    /// <summary>Reads a whole (small) file as text; undecodable bytes are reported with their line.</summary>
    public static string ReadAll(string path, string? declared)
    {
        var bytes = File.ReadAllBytes(path);
        var encoding = Detect(bytes, complete: true, declared);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) && encoding.CodePage == 65001 ? 3 : 0;
        try
        {
            return encoding.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputRejectedException(LineOf(bytes, start + Math.Max(0, ex.Index)), "encoding", $"bytes that are not valid {encoding.WebName}");
        }
    }

    /// <summary>Opens a (possibly large) file for streaming; a decoding failure surfaces as <see cref="DecoderFallbackException"/>.</summary>
    public static StreamReader Open(string path, string? declared)
    {
        var head = Head(path);
        var encoding = Detect(head, complete: head.Length < SniffBytes, declared);
        Validate(path, encoding);
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == 65001, new FileStreamOptions { BufferSize = 1 << 16 });
    }

    /// <summary>Cuts a head of bytes before its last UTF-8 character, which the cut may have split.</summary>
    public static ReadOnlySpan<byte> TrimPartialCharacter(ReadOnlySpan<byte> head)
    {
        var end = head.Length;
        var back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) back++;
        var lead = end - back - 1;
        return lead >= 0 && head[lead] >= 0xC0 ? head[..lead] : head;
    }

    private static long LineOf(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;
}

using System.Text;

namespace Monitor.Core.Text;

/// <summary>
/// Reads RFC 4180 records with the line each starts on, without allocating a string per field: fields are spans over
/// the line (or over an unescaped copy when the record is quoted). A quote left open at the end of the input is an error.
/// </summary>
public sealed class CsvLineReader(TextReader reader, char separator = ',')
{
    private readonly List<(int Start, int Length)> _fields = new(16);
    private readonly StringBuilder _unquoted = new();
    private string _text = "";
    private long _nextLine = 1;

    /// <summary>Every record of a UTF-8 file after its header, as strings with the line each starts on (blank lines skipped).</summary>
    public static IEnumerable<(long Line, string[] Fields)> Records(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8);
        var csv = new CsvLineReader(text);
        if (!csv.Read()) yield break;
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            var fields = new string[csv.Count];
            for (var i = 0; i < fields.Length; i++) fields[i] = csv.Text(i);
            yield return (csv.Line, fields);
        }
    }

    /// <summary>Line number (1-based) on which the current record starts.</summary>
    public long Line { get; private set; }

    public int Count => _fields.Count;

    public ReadOnlySpan<char> this[int index] => _text.AsSpan(_fields[index].Start, _fields[index].Length);

    public string Text(int index) => this[index].ToString();

    /// <summary>Reads the next record; false at the end. Throws <see cref="CsvFormatException"/> on an unclosed quote.</summary>
    public bool Read()
    {
        var line = reader.ReadLine();
        if (line is null) return false;
        Line = _nextLine++;
        _fields.Clear();
        if (line.Contains('"', StringComparison.Ordinal)) ParseQuoted(line);
        else SplitPlain(line);
        return true;
    }

    /// <summary>True when every field of the record is empty (a blank line or a row of separators).</summary>
    public bool IsBlank()
    {
        for (var i = 0; i < _fields.Count; i++) if (!this[i].IsWhiteSpace()) return false;
        return true;
    }

    private void SplitPlain(string line)
    {
        _text = line;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != separator) continue;
            _fields.Add((start, i - start));
            start = i + 1;
        }
        _fields.Add((start, line.Length - start));
    }

    private void ParseQuoted(string first)
    {
        _unquoted.Clear();
        var line = first;
        var inQuotes = false;
        var fieldStart = 0;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"') _unquoted.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { _unquoted.Append('"'); i++; }
                    else inQuotes = false;
                }
                else if (c == '"') inQuotes = true;
                else if (c == separator) { _fields.Add((fieldStart, _unquoted.Length - fieldStart)); fieldStart = _unquoted.Length; }
                else _unquoted.Append(c);
            }
            if (!inQuotes) break;
            var next = reader.ReadLine() ?? throw new CsvFormatException(Line, "unclosed quote: the file ends inside a quoted field");
            _nextLine++;
            _unquoted.Append('\n');
            line = next;
        }
        _fields.Add((fieldStart, _unquoted.Length - fieldStart));
        _text = _unquoted.ToString();
    }
}

/// <summary>A CSV record that cannot be read (an unclosed quote), with the line it starts on.</summary>
public sealed class CsvFormatException(long line, string reason) : FormatException(reason)
{
    public long Line { get; } = line;
}

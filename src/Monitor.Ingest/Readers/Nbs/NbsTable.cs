using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Nbs;

/// <summary>The table inside an NBS export: its metadata, its period columns and its data rows (each with its line).</summary>
internal sealed class NbsTable
{
    public string RowKind { get; private init; } = "";

    public string? Indicator { get; private init; }

    public string[] Labels { get; private init; } = [];

    public DateOnly[] Periods { get; private init; } = [];

    public string Frequency { get; private init; } = "";

    public List<Row> Rows { get; } = [];

    /// <summary>One data row: its label (province or indicator), its cells and its line.</summary>
    public sealed record Row(long Line, string Label, string[] Cells);

    public static NbsTable Parse(string[] lines)
    {
        string? indicator = null;
        var index = 0;
        for (; index < lines.Length && IsMetadata(lines[index]); index++)
        {
            if (lines[index].StartsWith("指标：", StringComparison.Ordinal)) indicator = lines[index]["指标：".Length..].Trim();
        }
        if (index >= lines.Length) throw new InputRejectedException(index, "header", "no table header after the metadata lines");
        var separator = lines[index].Contains("\t,", StringComparison.Ordinal) ? "\t," : ",";
        var header = Split(lines[index], separator);
        var (periods, frequency) = ParsePeriods(header, index + 1);
        var table = new NbsTable { RowKind = header[0].Trim(), Indicator = indicator, Labels = header[1..], Periods = periods, Frequency = frequency };
        for (var i = index + 1; i < lines.Length; i++)
        {
            if (IsNote(lines[i])) break;
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = Split(lines[i], separator);
            table.Rows.Add(new Row(i + 1, cells[0].Trim(), cells[1..]));
        }
        return table;
    }

    private static (DateOnly[] Periods, string Frequency) ParsePeriods(string[] header, long line)
    {
        var periods = new DateOnly[header.Length - 1];
        var frequency = "";
        for (var i = 1; i < header.Length; i++)
        {
            var label = header[i].Trim();
            string kind;
            if (Text.Periods.TryEnglishQuarter(label, out var date)) kind = "Q";
            else if (!Text.Periods.TryChinese(label, out date, out kind))
                throw new InputRejectedException(line, $"column {i + 1}", $"'{Cells.Clip(label)}' is not a period (2024年, 2025年09月份, 2024年第1-3季度, 1Q 2026)");
            if (frequency.Length > 0 && kind != frequency) throw new InputRejectedException(line, $"column {i + 1}", $"periods of two frequencies ({frequency} and {kind})");
            frequency = kind;
            periods[i - 1] = date;
        }
        if (frequency.Length == 0) throw new InputRejectedException(line, "header", "no period columns");
        return (periods, frequency);
    }

    // English exports end every cell with a TAB before the comma and the row with a trailing separator.
    private static string[] Split(string line, string separator)
    {
        var cells = line.Split(separator);
        if (separator == "\t," && cells.Length > 1 && string.IsNullOrWhiteSpace(cells[^1])) cells = cells[..^1];
        return cells.Select(c => c.Trim()).ToArray();
    }

    private static bool IsMetadata(string line) => line.Contains('：', StringComparison.Ordinal) && line.IndexOf('：', StringComparison.Ordinal) < 16 && !line.Contains(',', StringComparison.Ordinal);

    private static bool IsNote(string line)
    {
        var trimmed = line.TrimStart();
        var colon = trimmed.IndexOf('：', StringComparison.Ordinal);
        return colon is > 0 and < 16;
    }
}

using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Sdmx;

/// <summary>
/// SDMX-CSV 1.0 (DATAFLOW first) and 2.0 (STRUCTURE, STRUCTURE_ID, ACTION …): comma, semicolon or tab separated,
/// labels in the header and the cells ("DIM_1: Dimension 1", "A: Value A"), a decimal comma with ';', several measures
/// (OBS_VALUE1, OBS_VALUE2), multi-valued attributes (ATTR[]). Without a structure message, columns after the measure,
/// cross-domain attribute names and ATTR… names are attributes; the time column is TIME_PERIOD or the one holding periods.
/// </summary>
internal static class SdmxCsv
{
    private static readonly HashSet<string> Reserved = new(["STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION", "SERIES_KEY", "OBS_KEY", "DATAFLOW"], StringComparer.Ordinal);

    public static bool IsDataMessage(string firstLine)
    {
        var first = firstLine.TrimStart('\uFEFF').Split([',', ';', '\t'])[0].Trim('"');
        return first == "DATAFLOW" || first.StartsWith("STRUCTURE", StringComparison.Ordinal);
    }

    public static void Read(string path, string? encoding, SdmxStructure? structure, Func<SdmxHeader, SdmxLoader> loaderFor)
    {
        using var text = TextInput.Open(path, encoding);
        var headerLine = text.ReadLine() ?? throw new InputRejectedException(1, "file", "empty file");
        var separator = Separator(headerLine);
        var csv = new CsvLineReader(new StringReader(headerLine), separator);
        csv.Read();
        var columns = Enumerable.Range(0, csv.Count).Select(i => IdOf(csv.Text(i))).ToArray();
        var labelled = headerLine.Contains(": ", StringComparison.Ordinal);
        var measures = columns.Select((c, i) => (c, i)).Where(p => p.c.StartsWith("OBS_VALUE", StringComparison.Ordinal)).Select(p => p.i).ToArray();
        if (measures.Length == 0) throw new InputRejectedException(1, "OBS_VALUE", "no OBS_VALUE column: not an SDMX-CSV data message");
        var attributes = columns.Select((c, i) => IsAttribute(c, i, measures[^1], structure)).ToArray();
        var rows = new CsvLineReader(text, separator);
        var header = new SdmxHeader().With(structure);
        SdmxLoader? loader = null;
        var time = Array.FindIndex(columns, c => c is "TIME_PERIOD" or "TIME");
        while (rows.Read())
        {
            if (rows.IsBlank()) continue;
            var line = rows.Line + 1;
            if (rows.Count != columns.Length) throw new InputRejectedException(line, "record", $"{rows.Count} fields, expected {columns.Length}");
            var cells = Enumerable.Range(0, rows.Count).Select(i => Cell(rows.Text(i), labelled, header, columns[i])).ToArray();
            if (time < 0) time = TimeColumn(columns, cells, attributes, measures);
            if (time < 0) throw new InputRejectedException(line, "TIME_PERIOD", "no TIME_PERIOD column and no column of time periods");
            if (loader is null)
            {
                header.Flow = FlowOf(cells[0]);
                loader = loaderFor(header);
            }
            if (Array.IndexOf(columns, "ACTION") is var a and >= 0 && cells[a] is "D") { loader.SkipDeleted(); continue; }
            var key = columns.Select((c, i) => (c, i)).Where(p => !Reserved.Contains(p.c) && !attributes[p.i] && p.i != time && !measures.Contains(p.i))
                .Select(p => new KeyValuePair<string, string>(p.c, cells[p.i])).ToList();
            var attrs = columns.Select((c, i) => (c, i)).Where(p => attributes[p.i] && cells[p.i].Length > 0).ToDictionary(p => p.c.TrimEnd('[', ']'), p => cells[p.i]);
            foreach (var m in measures)
            {
                var value = separator == ';' ? cells[m].Replace(',', '.') : cells[m];
                loader.Add(new SdmxObservation(key, cells[time], value, attrs, line, measures.Length > 1 ? columns[m] : null));
            }
        }
        if (loader is null) throw new InputRejectedException(2, "file", "no data rows");
    }

    // The separator is whichever of , ; tab occurs most in the header outside the [..] of STRUCTURE[;].
    private static char Separator(string header)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(header, @"\[[^\]]*\]", "");
        return new[] { ',', ';', '\t' }.OrderByDescending(c => plain.Count(x => x == c)).First();
    }

    private static string IdOf(string column)
    {
        var id = column.Trim().Trim('"');
        var colon = id.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? id[..colon].Trim() : id;
    }

    // With labels, a cell is "code: name"; the name is kept for the series' title.
    private static string Cell(string cell, bool labelled, SdmxHeader header, string column)
    {
        var text = cell.Trim();
        if (!labelled || column is "STRUCTURE_ID" or "DATAFLOW") return column is "STRUCTURE_ID" or "DATAFLOW" ? IdOf(text) : text;
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0) return text;
        var code = text[..colon].Trim();
        header.CodeNames[(column, code)] = text[(colon + 2)..].Trim();
        return code;
    }

    private static bool IsAttribute(string column, int index, int lastMeasure, SdmxStructure? structure)
    {
        if (Reserved.Contains(column) || column.StartsWith("OBS_VALUE", StringComparison.Ordinal)) return false;
        if (structure is not null && (structure.Attributes.Count > 0 || structure.Dimensions.Count > 0)) return structure.Attributes.Contains(column.TrimEnd('[', ']'));
        if (column.EndsWith("[]", StringComparison.Ordinal) || column.Contains("ATTR", StringComparison.Ordinal) || column == "UPDATED") return true;
        if (column.StartsWith("DIM", StringComparison.Ordinal) || column is "FREQ" or "REF_AREA" or "TIME_PERIOD" or "TIME") return false;
        return SdmxXml.IsAttribute(column, null) || index > lastMeasure;
    }

    private static int TimeColumn(string[] columns, string[] cells, bool[] attributes, int[] measures)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (Reserved.Contains(columns[i]) || attributes[i] || measures.Contains(i) || columns[i] == "FREQ") continue;
            if (cells[i].Length >= 4 && SdmxTime.TryParse(cells[i], out _, out _)) return i;
        }
        return -1;
    }

    // "ESTAT:NA_MAIN(1.6.0)" → "NA_MAIN".
    private static string FlowOf(string structureId)
    {
        var id = structureId[(structureId.IndexOf(':') + 1)..];
        var paren = id.IndexOf('(');
        return (paren >= 0 ? id[..paren] : id).Trim() is { Length: > 0 } flow ? flow : "SDMX";
    }
}

using Monitor.Enterprises.Aggregates;

namespace Monitor.Enterprises.Disclosure;

/// <summary>One additive relation of a table: the margin in <see cref="Dimension"/> equals the sum of the other cells.</summary>
internal sealed record TableLine(int Dimension, IReadOnlyList<WorkingCell> Cells)
{
    /// <summary>+1 for an inner cell, -1 for the margin: the signed cells of a line add up to zero.</summary>
    public int Sign(WorkingCell cell) => cell.Cell.IsMargin(Dimension) ? -1 : 1;
}

/// <summary>
/// The additive relations of a table with margins: for each dimension and each combination of the other codes, the
/// margin cell ("_T" in that dimension) equals the sum of the cells that differ from it only there.
/// </summary>
internal static class TableLines
{
    public static IReadOnlyList<TableLine> Of(IReadOnlyList<WorkingCell> cells)
    {
        var dimensions = cells[0].Cell.Codes.Count;
        var lines = new List<TableLine>();
        for (var d = 0; d < dimensions; d++)
        {
            var dimension = d;
            foreach (var group in cells.GroupBy(c => Key(c.Cell.Codes, dimension)))
            {
                var line = group.ToList();
                // A line needs its margin and at least one inner cell; a margin alone states nothing.
                if (line.Count > 1 && line.Any(c => c.Cell.IsMargin(dimension))) lines.Add(new TableLine(dimension, line));
            }
        }
        return lines;
    }

    private static string Key(IReadOnlyList<string> codes, int skip) =>
        string.Join('\u001f', codes.Select((c, i) => i == skip ? "*" : c));
}

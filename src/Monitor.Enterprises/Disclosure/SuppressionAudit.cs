namespace Monitor.Enterprises.Disclosure;

/// <summary>
/// Exact check that no hidden cell can be solved from the published cells: the hidden cells are the unknowns of the
/// table's additive relations; a hidden cell is pinned down exactly when, in the reduced row echelon form of that
/// system, its column is a pivot whose row involves no free unknown. Tables too large for the dense elimination
/// (beyond <see cref="MaxWork"/>) rely on the line rule alone.
/// </summary>
internal static class SuppressionAudit
{
    /// <summary>Upper bound on rows × columns × rank of the elimination, about a second of work.</summary>
    public const double MaxWork = 2e9;

    private const double Tolerance = 1e-9;

    /// <summary>A hidden cell that the published cells determine, or null when there is none.</summary>
    public static WorkingCell? Solvable(IReadOnlyList<WorkingCell> cells, IReadOnlyList<TableLine> lines)
    {
        var hidden = cells.Where(c => c.Hidden).ToList();
        if (hidden.Count == 0) return null;
        var column = hidden.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var rows = lines.Where(l => l.Cells.Any(c => c.Hidden)).Select(l =>
        {
            var row = new double[hidden.Count];
            foreach (var c in l.Cells.Where(c => c.Hidden)) row[column[c]] = l.Sign(c);
            return row;
        }).ToList();
        if ((double)rows.Count * hidden.Count * Math.Min(rows.Count, hidden.Count) > MaxWork) return null;
        var pivots = Reduce(rows, hidden.Count);
        var pivotColumns = pivots.Select(p => p.Column).ToHashSet();
        foreach (var (row, pivot) in pivots)
        {
            var determined = true;
            for (var j = 0; j < hidden.Count && determined; j++)
                if (j != pivot && !pivotColumns.Contains(j) && Math.Abs(rows[row][j]) > Tolerance) determined = false;
            if (determined) return hidden[pivot];
        }
        return null;
    }

    // Gauss-Jordan elimination in place; returns (row, pivot column) pairs.
    private static List<(int Row, int Column)> Reduce(List<double[]> rows, int columns)
    {
        var pivots = new List<(int, int)>();
        var r = 0;
        for (var c = 0; c < columns && r < rows.Count; c++)
        {
            var best = r;
            for (var i = r + 1; i < rows.Count; i++)
                if (Math.Abs(rows[i][c]) > Math.Abs(rows[best][c])) best = i;
            if (Math.Abs(rows[best][c]) < Tolerance) continue;
            (rows[r], rows[best]) = (rows[best], rows[r]);
            var scale = rows[r][c];
            for (var j = 0; j < columns; j++) rows[r][j] /= scale;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == r || Math.Abs(rows[i][c]) < Tolerance) continue;
                var factor = rows[i][c];
                for (var j = 0; j < columns; j++) rows[i][j] -= factor * rows[r][j];
            }
            pivots.Add((r, c));
            r++;
        }
        return pivots;
    }
}

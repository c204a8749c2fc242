using Microsoft.Extensions.Options;
using Monitor.Enterprises.Aggregates;

namespace Monitor.Enterprises.Disclosure;

/// <summary>
/// Primary and secondary suppression of one table with its margins. Primary: fewer than MinFirms firms (threshold
/// rule), or the largest firm above MaxLargestShare of the cell (dominance rule). Secondary: every line of the table
/// (a margin and the cells that add up to it, in each dimension) that has exactly one hidden cell gets a second one,
/// the smallest visible cell of that line, repeated until no line has a lone hidden cell; then an exact check
/// (<see cref="SuppressionAudit"/>) hides more until no hidden cell can be solved from the published ones.
/// </summary>
public sealed class DisclosureControl(IOptions<EnterpriseOptions> options)
{
    public DisclosureControl(DisclosureOptions disclosure)
        : this(Options.Create(new EnterpriseOptions { Disclosure = disclosure }))
    {
    }

    /// <summary>Applies both rules; the result has one entry per input cell, in input order.</summary>
    public IReadOnlyList<ProtectedCell> Protect(IReadOnlyList<AggregateCell> cells) =>
        Apply(cells).Select(Publish).ToList();

    internal IReadOnlyList<WorkingCell> Apply(IReadOnlyList<AggregateCell> cells)
    {
        var working = cells.Select(c => new WorkingCell(c)).ToList();
        foreach (var cell in working) cell.Kind = Primary(cell.Cell);
        if (working.Count == 0) return working;
        var lines = TableLines.Of(working);
        while (true)
        {
            CompleteLines(lines);
            var solvable = SuppressionAudit.Solvable(working, lines);
            if (solvable is null) break;
            // A hidden cell the published figures pin down: hide the smallest visible cell of one of its lines.
            // (If all its lines are already hidden, any visible cell of the table; progress is certain either way.)
            var line = lines.FirstOrDefault(l => l.Cells.Contains(solvable) && l.Cells.Any(c => !c.Hidden))?.Cells
                ?? working.Where(c => !c.Hidden).ToList();
            if (line.Count == 0) break;
            Smallest(line).Kind = SuppressionKind.Secondary;
        }
        return working;
    }

    private SuppressionKind Primary(AggregateCell cell)
    {
        var rules = options.Value.Disclosure;
        if (cell.Firms < rules.MinFirms) return SuppressionKind.Threshold;
        var total = Math.Abs(cell.Value);
        return total > 0 && cell.Largest / total > rules.MaxLargestShare ? SuppressionKind.Dominance : SuppressionKind.None;
    }

    private static void CompleteLines(IReadOnlyList<TableLine> lines)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Cells.Count(c => c.Hidden) != 1) continue;
                Smallest(line.Cells).Kind = SuppressionKind.Secondary;
                changed = true;
            }
        } while (changed);
    }

    // The complement that costs least: the visible inner cell with the smallest value (fewest firms on ties); a margin
    // only when no inner cell is left.
    private static WorkingCell Smallest(IReadOnlyList<WorkingCell> line) =>
        line.Where(c => !c.Hidden)
            .OrderBy(c => c.Cell.Codes.Contains(AggregateRequest.Total) ? 1 : 0)
            .ThenBy(c => Math.Abs(c.Cell.Value)).ThenBy(c => c.Cell.Firms)
            .First();

    private ProtectedCell Publish(WorkingCell cell)
    {
        var rules = options.Value.Disclosure;
        var c = cell.Cell;
        if (cell.Hidden) return new ProtectedCell(c.Codes, c.Firms, null, null, true);
        // The growth is over the firms present a year ago too; fewer of them than the threshold would expose them.
        var growth = c.SameFirms >= rules.MinFirms ? c.SameSampleGrowth : null;
        return new ProtectedCell(c.Codes, c.Firms, c.Value, growth, false);
    }
}

using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Disclosure;

namespace Monitor.Enterprises.Tests.Disclosure;

[TestClass]
public sealed class DisclosureControlTests
{
    private static readonly DisclosureControl Control = new(new DisclosureOptions { MinFirms = 3, MaxLargestShare = 0.85 });

    [TestMethod]
    public void FewerThanThreeFirmsIsHidden()
    {
        var cells = Control.Apply([Cell("A", 100, 2, 60), Cell("B", 100, 3, 40), Cell("C", 100, 5, 30), Cell("_T", 300, 10, 60)]);
        Assert.AreEqual(SuppressionKind.Threshold, cells[0].Kind);
    }

    [TestMethod]
    public void LargestFirmAboveEightyFivePercentIsHidden()
    {
        var cells = Control.Apply([Cell("A", 100, 10, 86), Cell("B", 100, 10, 85), Cell("C", 100, 5, 30), Cell("_T", 300, 25, 86)]);
        Assert.AreEqual(SuppressionKind.Dominance, cells[0].Kind);
        Assert.AreNotEqual(SuppressionKind.Dominance, cells[1].Kind, "exactly 85 % is allowed");
    }

    [TestMethod]
    public void ThresholdsAreConfigurable()
    {
        var strict = new DisclosureControl(new DisclosureOptions { MinFirms = 5, MaxLargestShare = 0.5 });
        var cells = strict.Apply([Cell("A", 100, 4, 10), Cell("B", 100, 10, 60), Cell("C", 100, 10, 10), Cell("_T", 300, 24, 60)]);
        Assert.AreEqual((SuppressionKind.Threshold, SuppressionKind.Dominance), (cells[0].Kind, cells[1].Kind));
    }

    [TestMethod]
    public void LoneHiddenCellOfARowGetsAComplement()
    {
        // Row total 300 published, A hidden: without a second hidden cell, A = 300 - B - C.
        var cells = Control.Apply([Cell("A", 100, 2, 60), Cell("B", 120, 3, 40), Cell("C", 80, 5, 30), Cell("_T", 300, 10, 60)]);
        Assert.AreEqual(SuppressionKind.Secondary, cells[2].Kind, "the smallest visible cell of the line");
        Assert.AreEqual(SuppressionKind.None, cells[1].Kind);
    }

    [TestMethod]
    public void NoHiddenCellOfATwoWayTableCanBeSolvedFromMarginsAndOtherCells()
    {
        // 3 regions × 3 industries with margins; one cell (r1, i1) fails the threshold rule. Rows and columns each
        // give an equation; a single complement in its row would still leave its column with a lone hidden cell.
        var table = TwoWay(new double[,] { { 50, 60, 70 }, { 80, 90, 100 }, { 110, 120, 130 } }, (0, 0));
        var cells = Control.Apply(table);

        Assert.IsNull(SuppressionAudit.Solvable(cells, TableLines.Of(cells)), "no hidden cell is determined");
        foreach (var line in TableLines.Of(cells))
            Assert.AreNotEqual(1, line.Cells.Count(c => c.Hidden), "no line has a lone hidden cell");
        Assert.IsGreaterThanOrEqualTo(4, cells.Count(c => c.Hidden), "the hidden cell and at least three complements");
    }

    [TestMethod]
    public void AuditFindsACellRecoverableFromOtherCellsAndMargins()
    {
        // Hide exactly (r1,i1) and (r1,i2): row r1 has two hidden cells, but column i1 has only one, so the audit must
        // say (r1,i1) = column total − visible cells.
        var table = TwoWay(new double[,] { { 50, 60, 70 }, { 80, 90, 100 }, { 110, 120, 130 } }, null);
        var cells = table.Select(c => new WorkingCell(c)).ToList();
        cells[0].Kind = SuppressionKind.Threshold;
        cells[1].Kind = SuppressionKind.Secondary;
        Assert.IsNotNull(SuppressionAudit.Solvable(cells, TableLines.Of(cells)));
    }

    [TestMethod]
    public void HiddenCellsShowADashAndTheReasonNeverZero()
    {
        var published = Control.Protect([Cell("A", 100, 2, 60), Cell("B", 120, 3, 40), Cell("C", 80, 5, 30), Cell("_T", 300, 10, 60)]);
        Assert.IsNull(published[0].Value);
        Assert.AreEqual("保密", published[0].ReasonText);
        Assert.AreEqual("—", ProtectedCell.Hidden);
        Assert.AreEqual(300.0, published[3].Value);
    }

    [TestMethod]
    public void SameSampleGrowthNeedsEnoughFirmsPresentAYearAgo()
    {
        var published = Control.Protect([
            new AggregateCell(["A"], 110, 5, 30, 110, 100, 5), new AggregateCell(["B"], 110, 5, 30, 50, 40, 2),
            new AggregateCell(["_T"], 220, 10, 30, 160, 140, 7)]);
        Assert.AreEqual(10.0, published[0].SameSampleGrowth!.Value, 1e-9);
        Assert.IsNull(published[1].SameSampleGrowth, "only two firms were there a year ago");
    }

    private static AggregateCell Cell(string code, double value, long firms, double largest) =>
        new([code], value, firms, largest, 0, 0, 0);

    private static List<AggregateCell> TwoWay(double[,] values, (int, int)? small)
    {
        var cells = new List<AggregateCell>();
        var rows = values.GetLength(0);
        var columns = values.GetLength(1);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                cells.Add(new([$"r{r}", $"i{c}"], values[r, c], small == (r, c) ? 1 : 10, values[r, c] / 5, 0, 0, 0));
        for (var r = 0; r < rows; r++)
            cells.Add(new([$"r{r}", "_T"], Enumerable.Range(0, columns).Sum(c => values[r, c]), 30, 30, 0, 0, 0));
        for (var c = 0; c < columns; c++)
            cells.Add(new(["_T", $"i{c}"], Enumerable.Range(0, rows).Sum(r => values[r, c]), 30, 30, 0, 0, 0));
        cells.Add(new(["_T", "_T"], values.Cast<double>().Sum(), 90, 30, 0, 0, 0));
        return cells;
    }
}

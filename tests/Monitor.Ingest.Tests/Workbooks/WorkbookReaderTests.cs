using System.IO.Compression;
using Monitor.Ingest.Workbooks;
using Monitor.Testing;
using Monitor.Testing.Workbooks;

namespace Monitor.Ingest.Tests.Workbooks;

[TestClass]
public sealed class WorkbookReaderTests
{
    private string _folder = "";

    [TestInitialize]
    public void Init() => _folder = TempFolder.Create();

    [TestCleanup]
    public void Cleanup() => TempFolder.Delete(_folder);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [TestMethod]
    public void Xlsx_cells_come_back_typed_with_their_places()
    {
        var path = new XlsxBuilder()
            .Sheet("工业", ["标题"], [null, "本月", 12.5, new DateTime(2025, 9, 1), true])
            .Merge("A1:C1")
            .Save(Path.Combine(_folder, "monthly.xlsx"));

        var book = WorkbookReader.Read(path);

        var sheet = book.Sheet("工业");
        Assert.AreEqual("monthly.xlsx", book.FileName);
        Assert.AreEqual(WorkbookCellType.Number, sheet.Cell(1, 2).Type);
        Assert.AreEqual(12.5, sheet.Cell(1, 2).Number().Value);
        Assert.AreEqual("工业!C2", sheet.Cell(1, 2).Place);
        Assert.AreEqual(WorkbookCellType.Text, sheet.Cell(1, 1).Type);
        Assert.AreEqual(WorkbookCellType.Date, sheet.Cell(1, 3).Type);
        Assert.AreEqual("2025-09-01", sheet.Cell(1, 3).Text);
        Assert.AreEqual(WorkbookCellType.Boolean, sheet.Cell(1, 4).Type);
        Assert.IsTrue(sheet.Cell(1, 0).IsEmpty);
        Assert.AreEqual("标题", sheet.MergedCell(0, 2).Text, "a merged header reads its origin's value");
        Assert.AreEqual("", sheet.Cell(0, 2).Text);
    }

    [TestMethod]
    public void Xls_biff8_fixture_reads_chinese_sheets_and_merges()
    {
        var book = WorkbookReader.Read(Fixture("bulletin.xls"));

        CollectionAssert.AreEqual(new[] { "2025年9月", "2025年8月" }, book.Sheets.Select(s => s.Name).ToArray());
        var sheet = book.Sheets[0];
        Assert.AreEqual("单位：亿元", sheet.Cell(1, 0).Text);
        Assert.AreEqual("绝对量", sheet.MergedCell(2, 2).Text);
        Assert.AreEqual("1-本月累计", sheet.Cell(3, 2).Text);
        Assert.AreEqual(5234.5, sheet.Cell(4, 1).Number().Value, "thousands separators in a text cell");
        Assert.AreEqual(6.2, sheet.Cell(4, 3).Number().Value, "footnote mark ①");
        Assert.AreEqual(32100.0, sheet.Cell(5, 2).Number().Value, "full-width digits");
        Assert.IsTrue(sheet.Cell(6, 3).Number().IsMissing, "— is missing");
    }

    [TestMethod]
    public void Bulletin_numbers_parse_the_way_they_are_written()
    {
        Assert.AreEqual(12.3, CellNumbers.Parse("12.3*").Value);
        Assert.AreEqual(-1.5, CellNumbers.Parse("－1.5").Value);
        Assert.AreEqual(1234567.0, CellNumbers.Parse("1,234,567").Value);
        Assert.IsTrue(CellNumbers.Parse("…").IsMissing);
        Assert.IsTrue(CellNumbers.Parse(" ").IsMissing);
        Assert.AreEqual("'12,3.4' is not a number", CellNumbers.Parse("12,3.4").Error);
        Assert.IsNotNull(CellNumbers.Parse("abc").Error);
    }

    [TestMethod]
    public void A1_addresses_round_trip()
    {
        Assert.AreEqual("D14", CellAddress.Format(13, 3));
        Assert.AreEqual("AA1", CellAddress.Format(0, 26));
        Assert.AreEqual(26, CellAddress.ParseColumn("AA"));
    }

    [TestMethod]
    public void Wrong_extension_for_the_content_is_refused()
    {
        var xls = Path.Combine(_folder, "renamed.xlsx");
        File.Copy(Fixture("bulletin.xls"), xls);
        var text = Path.Combine(_folder, "data.xlsx");
        File.WriteAllText(text, "a,b\n1,2\n");

        var renamed = Assert.ThrowsExactly<WorkbookException>(() => WorkbookReader.Read(xls));
        StringAssert.Contains(renamed.Message, "not what the extension says");
        var notBook = Assert.ThrowsExactly<WorkbookException>(() => WorkbookReader.Read(text));
        StringAssert.Contains(notBook.Message, "not an Excel workbook");
    }

    [TestMethod]
    public void Zip_bomb_disguised_as_xlsx_is_refused_before_parsing()
    {
        var path = Path.Combine(_folder, "bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("xl/workbook.xml");
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 40; i++) entry.Write(zeros);
        }

        var ex = Assert.ThrowsExactly<WorkbookException>(() => WorkbookReader.Read(path, new WorkbookLimits(MaxUncompressedBytes: 16L * 1024 * 1024)));

        StringAssert.Contains(ex.Message, "bomb.xlsx: refused");
    }

    [TestMethod]
    public void Truncated_xlsx_is_a_damaged_workbook()
    {
        var path = new XlsxBuilder().Sheet("s", ["a"]).Save(Path.Combine(_folder, "t.xlsx"));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.ThrowsExactly<WorkbookException>(() => WorkbookReader.Read(path));

        StringAssert.StartsWith(ex.Message, "t.xlsx: ");
    }
}

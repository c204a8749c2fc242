using Monitor.Core.Text;
using System.Text;
using Monitor.Present.Export;
using Monitor.Present.Export.Formats;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class FormulaInjectionTests
{
    [TestMethod]
    [DataRow("=1+2", "'=1+2")]
    [DataRow("+SUM(A1)", "'+SUM(A1)")]
    [DataRow("-2+3", "'-2+3")]
    [DataRow("@cmd", "'@cmd")]
    [DataRow("\tx", "'\tx")]
    [DataRow("\rx", "'\rx")]
    [DataRow("GDP -2%", "GDP -2%")]
    [DataRow("", "")]
    public void TextThatStartsAFormulaGetsAnApostrophe(string text, string expected) =>
        Assert.AreEqual(expected, FormulaGuard.Neutralise(text));

    [TestMethod]
    public void NegativeNumbersStayNumbersInCsv()
    {
        Assert.AreEqual("-3.5", CsvValue.Format(-3.5));
        Assert.AreEqual("'-3.5", CsvValue.Format("-3.5"), "the same characters as text are guarded");
    }

    [TestMethod]
    [DataRow("plain", "plain")]
    [DataRow("a,b", "\"a,b\"")]
    [DataRow("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [DataRow("two\r\nlines", "\"two\r\nlines\"")]
    public void CsvFieldsAreQuotedPerRfc4180(string field, string expected) =>
        Assert.AreEqual(expected, CsvField.Quote(field));

    [TestMethod]
    public void ExportedSpreadsheetsNeutraliseFormulaNamesButKeepNegativeForecastsNumeric()
    {
        using var store = TestStore.InMemory(PresentSchemas.All);
        ForecastFixture.Small(store.Store);
        var folder = TempFolder.Create();
        try
        {
            var exporter = new ForecastExporter(store.Store, TimeProvider.System);
            var csvPath = Path.Combine(folder, "f.csv");
            var xlsxPath = Path.Combine(folder, "f.xlsx");
            exporter.ExportToFile(ExportFormat.Csv, new ExportFilter { SeriesIds = ["ind:out:C26"] }, csvPath);
            exporter.ExportToFile(ExportFormat.Xlsx, new ExportFilter { SeriesIds = ["ind:out:C26"] }, xlsxPath);

            var csv = ExportReadBack.Csv(File.ReadAllText(csvPath, Encoding.UTF8));
            var xlsx = ExportReadBack.XlsxSheet(xlsxPath, XlsxExportWriter.DataSheet);
            var name = ExportColumns.IndexOf("name");
            var nameZh = ExportColumns.IndexOf("name_zh");
            var point = ExportColumns.IndexOf("point");

            Assert.AreEqual("'=HYPERLINK(\"http://x\",\"click\")", csv[1][name]);
            Assert.AreEqual("'-化学原料", csv[1][nameZh]);
            Assert.AreEqual("-3.5", csv[1][point]);
            Assert.AreEqual("'=HYPERLINK(\"http://x\",\"click\")", xlsx[1][name].Text);
            Assert.IsTrue(xlsx[1][name].IsText);
            Assert.AreEqual("-3.5", xlsx[1][point].Text);
            Assert.IsFalse(xlsx[1][point].IsText, "a negative forecast is a number cell, not guarded text");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}

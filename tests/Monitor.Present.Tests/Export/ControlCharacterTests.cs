using Monitor.Present.Export;
using Monitor.Present.Export.Formats;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

/// <summary>Issue #16: a control character in a filter or a series name made every XLSX export throw (a 500 on the web).</summary>
[TestClass]
public sealed class ControlCharacterTests
{
    [TestMethod]
    [DataRow("a\u0001b", "a\uFFFDb")]
    [DataRow("\u0000", "\uFFFD")]
    [DataRow("x\u001Fy\uFFFE\uFFFF", "x\uFFFDy\uFFFD\uFFFD")]
    [DataRow("tab\tline\ncr\r 中文 😀", "tab\tline\ncr\r 中文 😀")]
    public void Characters_XML_forbids_become_a_replacement_character_and_the_rest_stays(string text, string expected) =>
        Assert.AreEqual(expected, XmlText.Clean(text));

    [TestMethod]
    public void A_lone_surrogate_is_replaced_and_a_pair_is_kept() =>
        // Built here: an attribute argument cannot hold a lone surrogate.
        Assert.AreEqual("a\uFFFDb\uD83D\uDE00", XmlText.Clean("a" + (char)0xD800 + "b\uD83D\uDE00"));

    [TestMethod]
    public void A_series_name_and_a_filter_with_control_characters_still_export_as_xlsx()
    {
        using var store = TestStore.InMemory(PresentSchemas.All);
        ForecastFixture.Small(store.Store);
        StoreSql.Execute(store.Store, "UPDATE series SET name = $1 WHERE series_id = 'ind:out:C26'", "bad\u0001name\u001F");
        var folder = TempFolder.Create();
        try
        {
            var exporter = new ForecastExporter(store.Store, TimeProvider.System);
            var named = Path.Combine(folder, "named.xlsx");
            var filtered = Path.Combine(folder, "filtered.xlsx");
            exporter.ExportToFile(ExportFormat.Xlsx, new ExportFilter { SeriesIds = ["ind:out:C26"] }, named);
            exporter.ExportToFile(ExportFormat.Xlsx, new ExportFilter { SeriesIds = ["\u0001", "\u001F\uFFFE"] }, filtered);

            var data = ExportReadBack.XlsxSheet(named, XlsxExportWriter.DataSheet);
            var metadata = ExportReadBack.XlsxSheet(filtered, XlsxExportWriter.MetadataSheet);
            Assert.AreEqual("bad\uFFFDname\uFFFD", data[1][ExportColumns.IndexOf("name")].Text);
            Assert.IsTrue(metadata.Any(row => row.Any(cell => cell.Text is { } text && text.Contains('\uFFFD'))), "the filter is shown, with its bad characters replaced");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}

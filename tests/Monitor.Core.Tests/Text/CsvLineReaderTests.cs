using Monitor.Core.Text;

namespace Monitor.Core.Tests.Text;

[TestClass]
public sealed class CsvLineReaderTests
{
    [TestMethod]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_records_keep_their_first_line()
    {
        var csv = Reader("id,name,value\nGDP,\"Gross \"\"domestic\"\" product, real\",1.5\nCPI,\"consumer\nprices\",2\nPPI,plain,3\n");

        Assert.IsTrue(csv.Read());
        Assert.IsTrue(csv.Read());
        Assert.AreEqual(2L, csv.Line);
        Assert.AreEqual(3, csv.Count);
        Assert.AreEqual("Gross \"domestic\" product, real", csv.Text(1));
        Assert.IsTrue(csv.Read());
        Assert.AreEqual(3L, csv.Line);
        Assert.AreEqual("consumer\nprices", csv.Text(1));
        Assert.IsTrue(csv.Read());
        Assert.AreEqual(5L, csv.Line, "the record after a two-line field starts on line 5");
        Assert.AreEqual("3", csv.Text(2));
        Assert.IsFalse(csv.Read());
    }

    [TestMethod]
    public void Empty_fields_blank_rows_and_another_separator()
    {
        var csv = Reader("a;;c\n;;\n", ';');

        Assert.IsTrue(csv.Read());
        Assert.AreEqual(3, csv.Count);
        Assert.AreEqual("", csv.Text(1));
        Assert.IsFalse(csv.IsBlank());
        Assert.IsTrue(csv.Read());
        Assert.IsTrue(csv.IsBlank(), "a row of separators is blank");
    }

    [TestMethod]
    public void An_unclosed_quote_names_the_line_its_record_starts_on()
    {
        var csv = Reader("id,name\nA,ok\nB,\"never closed\nC,more\n");
        csv.Read();
        csv.Read();

        var error = Assert.ThrowsExactly<CsvFormatException>(() => csv.Read());
        Assert.AreEqual(3L, error.Line);
        StringAssert.Contains(error.Message, "unclosed quote");
    }

    [TestMethod]
    public void What_the_writer_quotes_the_reader_reads_back()
    {
        string[] fields = ["plain", "with,comma", "with \"quote\"", "two\nlines", "", "单位：亿元"];
        var writer = new StringWriter();
        CsvField.WriteRecord(writer, fields, "\n");

        var csv = Reader(writer.ToString());

        Assert.IsTrue(csv.Read());
        CollectionAssert.AreEqual(fields, Enumerable.Range(0, csv.Count).Select(csv.Text).ToArray());
    }

    private static CsvLineReader Reader(string text, char separator = ',') => new(new StringReader(text), separator);
}

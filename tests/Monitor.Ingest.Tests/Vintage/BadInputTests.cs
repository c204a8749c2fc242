using Monitor.Ingest.Model;
using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Tests.Vintage;

/// <summary>Each class of bad input rejects the whole file with file:line: field: reason, records a failed run and changes no data.</summary>
[TestClass]
public sealed class BadInputTests
{
    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";
    private const string Good = "X,x,macro,,,M,2024-01-01,1,\n";

    [TestMethod]
    [DataRow("column-count", Good + "X,x,macro,,,M,2024-02-01,2\n", 3L, "record")]
    [DataRow("not-a-number", Good + "X,x,macro,,,M,2024-02-01,abc,\n", 3L, "value")]
    [DataRow("infinity", Good + "X,x,macro,,,M,2024-02-01,Infinity,\n", 3L, "value")]
    [DataRow("overflow", Good + "X,x,macro,,,M,2024-02-01,1e400,\n", 3L, "value")]
    [DataRow("impossible-month", Good + "X,x,macro,,,M,2024-13-01,2,\n", 3L, "period")]
    [DataRow("impossible-day", Good + "X,x,macro,,,M,2024-02-30,2,\n", 3L, "period")]
    [DataRow("mid-month", Good + "X,x,macro,,,M,2024-02-15,2,\n", 3L, "period")]
    [DataRow("mid-quarter", "Y,y,macro,,,Q,2024-02-01,2,\n", 2L, "period")]
    [DataRow("duplicate-key", Good + "X,x,macro,,,M,2024-01-01,7,\n", 3L, "period")]
    [DataRow("two-frequencies", Good + "X,x,macro,,,Q,2024-04-01,7,\n", 3L, "frequency")]
    [DataRow("unknown-domain", "X,x,nation,,,M,2024-01-01,1,\n", 2L, "domain")]
    [DataRow("unknown-frequency", "X,x,macro,,,H,2024-01-01,1,\n", 2L, "frequency")]
    [DataRow("truncated-last-line", Good + "X,x,macro,,,M,2024-0", 3L, "record")]
    [DataRow("control-in-name", Good + "Y,y\u0001z,macro,,,M,2024-01-01,1,\n", 3L, "series_name")]
    [DataRow("nul-in-name", Good + "Y,y\u0000,macro,,,M,2024-01-01,1,\n", 3L, "encoding")]
    [DataRow("noncharacter-in-name", Good + "Y,y\uFFFE,macro,,,M,2024-01-01,1,\n", 3L, "series_name")]
    [DataRow("control-in-code", "X\u001F,x,macro,,,M,2024-01-01,1,\n", 2L, "series_code")]
    [DataRow("unclosed-quote", Good + "X,\"never closed,macro,,,M,2024-02-01,2,\n", 3L, "record")]
    public void BadLongLayoutFileIsRejectedWhole(string name, string body, long line, string field)
    {
        using var h = Preloaded(out var before);
        var path = h.Write($"{name}/observations.csv", Header + body);

        var result = h.Ingest(path, format: "long");

        AssertRejected(h, before, result, $"observations.csv:{line}: {field}: ");
    }

    [TestMethod]
    public void MissingColumnIsNamed()
    {
        using var h = Preloaded(out var before);
        var path = h.Write("nocol/observations.csv", "series_code,series_name,domain,region_code,industry_code,frequency,period,unit\nX,x,macro,,,M,2024-01-01,\n");

        AssertRejected(h, before, h.Ingest(path, format: "long"), "observations.csv:1: value: missing column 'value'");
    }

    [TestMethod]
    [DataRow("empty", "", "file: empty file")]
    [DataRow("header-only", Header, "file: no data rows")]
    [DataRow("unknown-layout", "a,b,c\n1,2,3\n", "format: unknown layout")]
    public void FilesWithNothingToLoadAreRejected(string name, string text, string expected)
    {
        using var h = Preloaded(out var before);
        var path = h.Write($"{name}/data.csv", text);

        AssertRejected(h, before, h.Ingest(path), expected);
    }

    [TestMethod]
    public void BinaryGarbageIsRejected()
    {
        using var h = Preloaded(out var before);
        var path = Path.Combine(h.Folder, "garbage.csv");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x13, 0x37, 0x00, 0x0A]);

        AssertRejected(h, before, h.Ingest(path), "binary data");
    }

    [TestMethod]
    public void UndecodableBytesAreReportedOnTheirLine()
    {
        using var h = Preloaded(out var before);
        var path = Path.Combine(h.Folder, "bad-utf8", "observations.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Header + Good).Concat(new byte[] { 0x58, 0x2C, 0xC3, 0x28, 0x2C }).Concat(System.Text.Encoding.UTF8.GetBytes("macro,,,M,2024-02-01,2,\n")).ToArray();
        File.WriteAllBytes(path, bytes);

        var result = h.Ingestor.Ingest(new FileIngestor.Request("test", path, "t", "long", Encoding: "utf-8"));

        AssertRejected(h, before, result, "observations.csv:3: encoding: bytes that are not valid utf-8");
    }

    [TestMethod]
    public void UnknownEncodingNameIsRejected()
    {
        using var h = Preloaded(out var before);
        var path = h.Write("enc/observations.csv", Header + Good);

        var result = h.Ingestor.Ingest(new FileIngestor.Request("test", path, "t", "long", Encoding: "klingon-8"));

        AssertRejected(h, before, result, "encoding: unknown encoding 'klingon-8'");
    }

    [TestMethod]
    public void AControlCharacterInANameIsRefusedWhateverTheFormat()
    {
        // JSON escapes let any character through the reader; the check where every reader declares its series stops it.
        using var h = Preloaded(out var before);
        var path = h.Write("json/records.json", """
            [{"series_code":"J","series_name":"bell\u0007name","domain":"macro","region_code":null,"industry_code":null,"frequency":"M","period":"2024-01-01","value":1,"unit":"%"}]
            """);

        AssertRejected(h, before, h.Ingest(path), "series_name: control character U+0007 at position 5");
    }

    [TestMethod]
    public void ScriptsFormulasAndSqlInTextAreStoredAsPlainText()
    {
        using var h = new IngestHarness();
        const string name = "<script>alert(1)</script>'; DROP TABLE series; --";
        var path = h.Write("text/observations.csv", Header + $"\"=HYPERLINK(\"\"http://x\"\")\",\"{name}\",macro,,,M,2024-01-01,1,\n");

        var result = h.Ingest(path);

        Assert.AreEqual("succeeded", result.Status, string.Join("\n", result.Problems));
        Assert.AreEqual(name, h.Scalar("SELECT name FROM series_catalog"));
        Assert.AreEqual("=HYPERLINK(\"http://x\")", h.Scalar("SELECT series_code FROM series_catalog"));
    }

    private static IngestHarness Preloaded(out string fingerprint)
    {
        var h = new IngestHarness();
        var loaded = h.Ingest(h.Write("good/observations.csv", Header + Good + "Z,z,industry,,C,Q,2024-01-01,5,\n"));
        Assert.AreEqual("succeeded", loaded.Status);
        fingerprint = h.DataFingerprint();
        return h;
    }

    private static void AssertRejected(IngestHarness h, string before, IngestResult result, string expected)
    {
        Assert.AreEqual("failed", result.Status);
        var report = string.Join("\n", result.Problems);
        StringAssert.Contains(report, expected);
        Assert.AreEqual(before, h.DataFingerprint(), "a rejected file must leave the store unchanged");
        Assert.AreEqual(1L, h.Count($"SELECT count(*) FROM ingest_runs WHERE run_id = {result.RunId} AND status = 'failed' AND error_report IS NOT NULL"));
    }
}

using System.IO.Compression;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Tests.Workbooks;
using Monitor.Ingest.Uploads;
using Monitor.Testing.Workbooks;

namespace Monitor.Ingest.Tests.Uploads;

/// <summary>Uploads are kept by hash after hostile ones are refused; the preview shows what a load would store; the job loads and audits.</summary>
[TestClass]
public sealed class UploadTests
{
    [TestMethod]
    [DataRow("../monthly.csv")]
    [DataRow("..\\monthly.csv")]
    [DataRow("/etc/passwd.csv")]
    [DataRow("sub/monthly.xlsx")]
    [DataRow(".hidden.csv")]
    [DataRow("monthly\n.csv")]
    [DataRow("run.exe")]
    public void Names_with_paths_control_characters_or_unread_types_are_refused(string name)
    {
        using var h = new IngestHarness();
        var store = Store(h);

        var ex = Assert.ThrowsExactly<UploadRejectedException>(() => store.Save(new MemoryStream("a,b\n1,2\n"u8.ToArray()), name));

        StringAssert.StartsWith(ex.Message, "refused:");
        Assert.AreEqual(0, Directory.Exists(store.Folder) ? Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories).Count() : 0, "nothing kept");
    }

    [TestMethod]
    public void An_upload_over_the_limit_is_refused_while_it_is_read()
    {
        using var h = new IngestHarness();
        var store = Store(h, new UploadOptions { MaxBytes = 1000 });

        var ex = Assert.ThrowsExactly<UploadRejectedException>(() => store.Save(new MemoryStream(new byte[5000]), "big.csv"));

        StringAssert.Contains(ex.Message, "larger than the upload limit");
    }

    [TestMethod]
    public void Content_unlike_the_extension_is_refused()
    {
        using var h = new IngestHarness();
        var store = Store(h);
        var xls = File.ReadAllBytes(WorkbookReaderTests.Fixture("bulletin.xls"));
        var xlsx = File.ReadAllBytes(new XlsxBuilder().Sheet("s", ["date", "x"], [new DateTime(2025, 1, 1), 1.0]).Save(Path.Combine(h.Folder, "t.xlsx")));

        var renamedXls = Assert.ThrowsExactly<UploadRejectedException>(() => store.Save(new MemoryStream(xls), "bulletin.xlsx"));
        var workbookAsCsv = Assert.ThrowsExactly<UploadRejectedException>(() => store.Save(new MemoryStream(xlsx), "data.csv"));
        var textAsXlsx = Assert.ThrowsExactly<UploadRejectedException>(() => store.Save(new MemoryStream("a,b\n"u8.ToArray()), "data.xlsx"));

        StringAssert.Contains(renamedXls.Message, "wrong extension for the content");
        StringAssert.Contains(workbookAsCsv.Message, "wrong extension for the content");
        StringAssert.Contains(textAsXlsx.Message, "wrong extension for the content");
    }

    [TestMethod]
    public void A_zip_bomb_disguised_as_xlsx_is_refused()
    {
        using var h = new IngestHarness();
        var store = Store(h, new UploadOptions { MaxUncompressedBytes = 8L * 1024 * 1024 });
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml");
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 32; i++) entry.Write(zeros);
        }
        bomb.Position = 0;

        var ex = Assert.ThrowsExactly<UploadRejectedException>(() => store.Save(bomb, "report.xlsx"));

        StringAssert.Contains(ex.Message, "zip bomb");
    }

    [TestMethod]
    public void Kept_by_hash_and_found_again_only_by_a_clean_name()
    {
        using var h = new IngestHarness();
        var store = Store(h);

        var kept = store.Save(new MemoryStream("a,b\n1,2\n"u8.ToArray()), "monthly.csv");

        StringAssert.EndsWith(kept.Path, Path.Combine(kept.Sha256, "monthly.csv"));
        Assert.AreEqual(kept.Path, store.Find(kept.Id, "monthly.csv")?.Path);
        Assert.ThrowsExactly<UploadRejectedException>(() => store.Find(kept.Id, "../monthly.csv"));
        Assert.IsNull(store.Find("not-a-hash", "monthly.csv"));
    }

    [TestMethod]
    public void Preview_shows_the_reader_first_rows_and_every_problem_by_place_and_stores_nothing()
    {
        using var h = new IngestHarness();
        var store = Store(h);
        var good = new XlsxBuilder().Sheet("指标", ["指标", "2025年8月", "2025年9月"], ["=HYPERLINK(\"http://x\")", 1.5, "2,001.5"]).Save(Path.Combine(h.Folder, "good.xlsx"));
        var bad = new XlsxBuilder().Sheet("指标", ["指标", "2025年8月", "2025年9月"], ["CPI", "1..5", 2.0]).Save(Path.Combine(h.Folder, "bad.xlsx"));
        var preview = new UploadPreview(new ReaderCatalog(IngestReaders.All()));
        var before = h.DataFingerprint();

        var shown = preview.Run(store.Save(File.OpenRead(good), "good.xlsx"), "uploads");
        var refused = preview.Run(store.Save(File.OpenRead(bad), "bad.xlsx"), "uploads");

        Assert.AreEqual(("excel", true, 2), (shown.Format, shown.Loadable, shown.Rows.Count), string.Join("\n", shown.Problems));
        Assert.AreEqual("uploads:=HYPERLINK(\"http://x\")", shown.Rows[0].SeriesId, "formula-looking text stays plain text");
        Assert.AreEqual(2001.5, shown.Rows[1].Value);
        Assert.IsFalse(refused.Loadable);
        Assert.AreEqual("bad.xlsx: 指标!B2: '1..5' is not a number", refused.Problems[0].ToString());
        Assert.AreEqual(before, h.DataFingerprint());
    }

    [TestMethod]
    public void Preview_with_the_store_shows_a_frequency_that_conflicts_with_the_stored_series()
    {
        using var h = new IngestHarness();
        const string header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";
        h.Ingest(h.Write("v1/observations.csv", header + "X,x,macro,,,M,2024-01-01,1,\n"), dataset: "uploads");
        var store = Store(h);
        var quarterly = store.Save(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(header + "Y,y,macro,,,Q,2024-04-01,2,\nX,x,macro,,,Q,2024-04-01,1,\n")), "observations.csv");

        var withStore = new UploadPreview(new ReaderCatalog(IngestReaders.All()), h.Store).Run(quarterly, "uploads");
        var withoutStore = new UploadPreview(new ReaderCatalog(IngestReaders.All())).Run(quarterly, "uploads");

        Assert.IsFalse(withStore.Loadable, "confirming would fail, so the preview must say so");
        Assert.AreEqual("observations.csv:3: frequency: series uploads:X is M in the store, Q here", withStore.Problems.Single().ToString());
        Assert.IsTrue(withoutStore.Loadable, "without a store there is nothing to conflict with");
    }

    [TestMethod]
    public void Saved_api_answers_preview_with_their_reader_and_alfred_rows_as_vintages()
    {
        using var h = new IngestHarness();
        var store = Store(h);
        var preview = new UploadPreview(new ReaderCatalog(IngestReaders.All()));
        const string alfred = """
            {"realtime_start":"1776-07-04","realtime_end":"9999-12-31","observation_start":"1776-07-04","observation_end":"9999-12-31","count":4,"offset":0,"limit":100000,"observations":[
             {"realtime_start":"2024-04-25","realtime_end":"2024-05-29","date":"2024-01-01","value":"1.4"},
             {"realtime_start":"2024-05-30","realtime_end":"9999-12-31","date":"2024-01-01","value":"1.6"},
             {"realtime_start":"2024-05-30","realtime_end":"9999-12-31","date":"2024-01-01","value":"1.6"},
             {"realtime_start":"2024-07-25","realtime_end":"9999-12-31","date":"2024-04-01","value":"2.8"}]}
            """;

        var nbs = preview.Run(store.Save(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Sources.Api.NbsQuerySourceTests.Provincial)), "cpi.json"), "nbs");
        var vintages = preview.Run(store.Save(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(alfred)), "GDPC1.json"), "alfred");

        Assert.AreEqual(("nbs-query", true, 3), (nbs.Format, nbs.Loadable, nbs.Rows.Count), string.Join("\n", nbs.Problems));
        Assert.AreEqual("fred-api", vintages.Format);
        Assert.AreEqual("GDPC1.json: observation 3: duplicate key alfred:GDPC1 2024-01-01 (first on observation 2, with the same value)", vintages.Problems.Single().ToString(),
            "two vintages of one period are fine; the same vintage twice is not");
    }

    [TestMethod]
    public void The_job_loads_the_kept_file_and_audits_who_confirmed_it()
    {
        using var h = new IngestHarness();
        var store = Store(h);
        var path = new XlsxBuilder().Sheet("data", ["date", "rate"], [new DateTime(2025, 1, 1), 1.5], [new DateTime(2025, 2, 1), 1.6]).Save(Path.Combine(h.Folder, "rates.xlsx"));
        var kept = store.Save(File.OpenRead(path), "rates.xlsx");
        var audit = new ListAudit();

        var result = new UploadIngestJob(store, h.Ingestor, audit).Run(kept.Id, kept.FileName, "uploads", null, "ana", "cookie");

        Assert.AreEqual(("succeeded", 2L), (result.Status, result.RowsNew), string.Join("\n", result.Problems));
        Assert.AreEqual(1.6, h.Scalar("SELECT value FROM observations WHERE series_id = 'uploads:rate' AND period = DATE '2025-02-01'"));
        Assert.AreEqual(("ana", "upload.load", AuditOutcome.Success, 2L), (audit.Entries[0].Actor.Name, audit.Entries[0].Action, audit.Entries[0].Outcome, audit.Entries[0].Rows));
    }

    private static UploadStore Store(IngestHarness h, UploadOptions? options = null)
    {
        options ??= new UploadOptions();
        options.Folder = Path.Combine(h.Folder, "uploads");
        return new UploadStore(Options.Create(options));
    }

    private sealed class ListAudit : IAuditLog
    {
        public List<AuditEntry> Entries { get; } = [];

        public void Write(AuditEntry entry) => Entries.Add(entry);

        public AuditPage Read(AuditFilter filter) => throw new NotSupportedException();
    }
}

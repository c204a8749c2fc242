using Monitor.Core.Cli;
using Monitor.Ingest.Cli;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Sources.Api;
using Microsoft.Extensions.Options;

namespace Monitor.Ingest.Tests.Cli;

/// <summary>The ingest verb prints one summary line on success; a bad file exits 1 with file:line: field: reason on stderr.</summary>
[TestClass]
[DoNotParallelize]
public sealed class IngestCommandTests
{
    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";

    [TestMethod]
    public async Task GoodFilePrintsOneSummaryLine()
    {
        using var h = new IngestHarness();
        var path = h.Write("ok/observations.csv", Header + "X,x,macro,,,M,2024-01-01,1,\nX,x,macro,,,M,2024-02-01,2,\n");
        var output = new StringWriter();

        var code = await Command(h).RunAsync(CommandLineArgs.Parse<IngestCommand>([path, "--dataset", "demo"]), output, CancellationToken.None);

        Assert.AreEqual(0, code);
        StringAssert.Contains(output.ToString(), "rows read 2, new 2, revised 0, unchanged 0, rejected 0");
        Assert.AreEqual(1, output.ToString().Trim().Split('\n').Length);
    }

    [TestMethod]
    public async Task BadFileExitsOneWithTheLineOnStandardError()
    {
        using var h = new IngestHarness();
        var path = h.Write("bad/observations.csv", Header + "X,x,macro,,,M,2024-01-01,oops,\n");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var code = await Command(h).RunAsync(CommandLineArgs.Parse<IngestCommand>([path]), new StringWriter(), CancellationToken.None);

            Assert.AreEqual(1, code);
            StringAssert.Contains(error.ToString(), "observations.csv:2: value: 'oops' is not a number");
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static IngestCommand Command(IngestHarness h)
    {
        var options = Options.Create(new IngestOptions());
        var fetcher = new HttpFetcher(new IngestHttpClient(), h.Store, options, TimeProvider.System);
        return new IngestCommand(h.Ingestor, new SourceRunner(h.Ingestor, fetcher, new ApiFetcher(fetcher, []), options));
    }
}

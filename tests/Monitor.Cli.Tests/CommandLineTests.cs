using System.CommandLine;
using Monitor.Core.Cli;
using Monitor.Ingest.Cli;
using Monitor.Present.Export.Cli;
using Monitor.Testing;

namespace Monitor.Cli.Tests;

/// <summary>The command line on System.CommandLine: both option forms, positionals kept, unknown options refused, help for every verb.</summary>
[TestClass]
public sealed class CommandLineTests
{
    private const string Header = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n";

    [TestMethod]
    [DataRow("--db={0}")]
    [DataRow("--db", "{0}")]
    public async Task StatusWorksOnTheStoreGivenByDbInEitherForm(params string[] form)
    {
        var folder = TempFolder.Create();
        try
        {
            var db = Path.Combine(folder, "other.duckdb");
            var output = new StringWriter();

            var code = await CliApplication.RunAsync(["status", .. form.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, db))], output, new StringWriter());

            Assert.AreEqual(0, code);
            StringAssert.StartsWith(output.ToString(), $"store {db}:");
            Assert.IsTrue(File.Exists(db), "the verb opened other.duckdb");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task AFlagBeforeAPositionalDoesNotSwallowIt()
    {
        var folder = TempFolder.Create();
        try
        {
            var file = Path.Combine(folder, "file.csv");
            await File.WriteAllTextAsync(file, Header + "X,x,macro,,,M,2024-01-01,1,\n");
            var output = new StringWriter();
            var error = new StringWriter();

            var code = await CliApplication.RunAsync(["ingest", "--force", file, "--dataset=demo", "--db", Path.Combine(folder, "s.duckdb")], output, error);

            Assert.AreEqual(0, code, error.ToString());
            StringAssert.Contains(output.ToString(), "rows read 1, new 1");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public void ParsedWordsKeepTheirRoles()
    {
        var args = CommandLineArgs.Parse<IngestCommand>(["--force", "file.csv", "--dataset=demo", "--format", "long"]);

        CollectionAssert.AreEqual(new[] { "file.csv" }, args.Positional.ToArray());
        Assert.IsTrue(args.Has("force"));
        Assert.IsFalse(args.Has("quarantine"));
        Assert.AreEqual("demo", args.Get("dataset"));
        Assert.AreEqual("long", args.Get("format"));
        Assert.IsNull(args.Get("encoding"));
    }

    [TestMethod]
    public void BothOptionFormsGiveTheSameValues()
    {
        var spaced = CommandLineArgs.Parse<ExportCommand>(["--format", "csv", "--out", "a b.csv", "--series", "x,y", "--as-of", "2025-01-31"]);
        var joined = CommandLineArgs.Parse<ExportCommand>(["--format=csv", "--out=a b.csv", "--series=x,y", "--as-of=2025-01-31"]);

        foreach (var name in new[] { "format", "out", "series", "as-of" }) Assert.AreEqual(spaced.Get(name), joined.Get(name), name);
        CollectionAssert.AreEqual(new[] { "x", "y" }, joined.GetList("series").ToArray());
    }

    [TestMethod]
    [DataRow("status --bogus", "monitor status: unknown option '--bogus'")]
    [DataRow("status --bogus=1", "monitor status: unknown option '--bogus'")]
    [DataRow("ingest --bogus file.csv", "monitor ingest: unknown option '--bogus'")]
    [DataRow("derive --method yoy", "monitor derive: Required argument 'series_id' missing for command: 'derive'")]
    [DataRow("export --format csv", "monitor export: Option '--out' is required")]
    [DataRow("backtest --input x.csv --threads many", "monitor backtest: Cannot parse argument 'many' for option '--threads'")]
    [DataRow("nowhere", "monitor: unknown verb 'nowhere'")]
    public async Task BadUsageExitsTwoWithOneLineNamingTheProblemAndOpensNoStore(string line, string reason)
    {
        var folder = TempFolder.Create();
        try
        {
            var db = Path.Combine(folder, "untouched.duckdb");
            var output = new StringWriter();
            var error = new StringWriter();

            var code = await CliApplication.RunAsync([.. line.Split(' '), "--db", db], output, error);

            Assert.AreEqual(2, code);
            StringAssert.StartsWith(error.ToString(), reason);
            Assert.AreEqual(1, error.ToString().TrimEnd().Split('\n').Length, error.ToString());
            Assert.AreEqual("", output.ToString());
            Assert.IsFalse(File.Exists(db), "bad usage is found before the store is opened");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task EveryVerbHasHelpWithItsOptions()
    {
        var verbs = Verbs();
        Assert.IsGreaterThanOrEqualTo(12, verbs.Count, string.Join(", ", verbs));
        foreach (var verb in verbs)
        {
            var output = new StringWriter();
            var code = await CliApplication.RunAsync([verb, "--help"], output, new StringWriter());

            Assert.AreEqual(0, code, verb);
            StringAssert.Contains(output.ToString(), $"monitor {verb}", verb);
            StringAssert.Contains(output.ToString(), "--db <FILE>", verb);
        }
        var legacy = new StringWriter();
        Assert.AreEqual(0, await CliApplication.RunAsync(["help", "export"], legacy, new StringWriter()));
        StringAssert.Contains(legacy.ToString(), "--format <FORMAT>");
    }

    [TestMethod]
    public async Task NoVerbListsEveryVerbAndExitsTwo()
    {
        var output = new StringWriter();

        var code = await CliApplication.RunAsync([], output, new StringWriter());

        Assert.AreEqual(2, code);
        foreach (var verb in Verbs()) StringAssert.Contains(output.ToString(), verb);
    }

    [TestMethod]
    public void TheCommandLineDoesNotCompileAgainstTheWebHost()
    {
        var references = typeof(CliApplication).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.IsFalse(references.Any(r => r.StartsWith("Monitor.Web", StringComparison.Ordinal) || r.StartsWith("Hangfire", StringComparison.Ordinal)
            || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Scalar", StringComparison.Ordinal)), string.Join(", ", references));
        Assert.IsFalse(File.Exists(Path.Combine(AppContext.BaseDirectory, "Monitor.Web.dll")), "the web host is not copied beside the command line");
        Assert.IsNotNull(WebHostProcess.LocateWebHost(), "serve finds the web host's own build output");
    }

    private static List<string> Verbs()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { Args = [] });
        builder.AddMonitorCli();
        return [.. MonitorCommandLine.Build(builder.Services.CliVerbs()).Subcommands.Select(c => c.Name)];
    }
}

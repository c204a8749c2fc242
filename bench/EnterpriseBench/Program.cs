using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Enterprises;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Disclosure;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Enterprises.Warnings;

// EnterpriseBench: N firms × M months × 4 indicators generated into bench/out/enterprise, then each phase in its own
// process (so each peak RSS is its own): DuckDB's COPY of the file, the panel load, all aggregates with disclosure
// control, all firm warnings. Usage: dotnet run -c Release --project bench/EnterpriseBench -- [--firms N] [--months M] [--memory 3GB] [--shards 1]
var options = Options(args);
var folder = Path.GetFullPath(Path.Combine(Root(), "bench", "out", "enterprise"));
Directory.CreateDirectory(folder);
var csv = Path.Combine(folder, $"panel-{options.Firms}x{options.Months}.csv");
switch (options.Phase)
{
    case "all":
        foreach (var phase in new[] { "generate", "copy", "ingest", "aggregates", "warnings" })
            if (RunChild(phase, options.Firms, options.Months, options.Memory, options.Shards) != 0) return 1;
        return 0;
    case "generate":
        return Measure("generate", () => Generate(csv, options.Firms, options.Months));
    case "copy":
        return Measure("copy", () => Copy(csv, Fresh(folder, "copy.duckdb"), options.Memory));
    case "ingest":
        return Measure("ingest", () =>
        {
            using var store = Store(Fresh(folder, "ingest.duckdb"), options.Memory);
            var result = new PanelLoader(store, TimeProvider.System).Load(csv, "bench");
            if (!result.Succeeded) throw new InvalidOperationException(result.Summary());
            return result.RowsRead;
        });
    case "aggregates":
        return Measure("aggregates", () =>
        {
            using var store = Store(Path.Combine(folder, "ingest.duckdb"), options.Memory);
            var table = new AggregateTable(new AggregateQuery(store), new DisclosureControl(new DisclosureOptions()));
            // Every table in one call: the cells of all of them come from one pass per indicator.
            var requests = new[] { "output", "revenue", "electricity", "employment" }
                .SelectMany(_ => Enumerable.Range(0, options.Months).Select(m => new DateOnly(2023, 1, 1).AddMonths(m)), (indicator, month) => (indicator, month))
                .SelectMany(t => new[]
                {
                    new AggregateRequest(t.indicator, t.month, [AggregateRequest.Region, AggregateRequest.Industry]),
                    new AggregateRequest(t.indicator, t.month, [AggregateRequest.Region, AggregateRequest.Industry], "city", "section"),
                }).ToList();
            long cells = table.Build(requests).Sum(t => (long)t.Count);
            return cells;
        });
    case "warnings":
        return Measure("warnings", () =>
        {
            using var store = Store(Path.Combine(folder, "ingest.duckdb"), options.Memory);
            // --shards N: the run split into N shards computed one after another, so each shard's joins stay small.
            var scale = new Monitor.Core.Scale.ScaleOptions { LocalShards = options.Shards };
            return new FirmWarnings(store, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new EnterpriseOptions()), scale).Run().Warnings;
        });
    default:
        Console.Error.WriteLine($"unknown phase {options.Phase}");
        return 2;
}

static int Measure(string phase, Func<long> work)
{
    var watch = Stopwatch.StartNew();
    var count = work();
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{phase}: {watch.Elapsed.TotalSeconds:F1} s, {count:N0} rows/cells, {count / watch.Elapsed.TotalSeconds:N0}/s, peak RSS {PeakRssMb()} MB"));
    return 0;
}

// 1,000 firms at a time: ids with valid check characters from C#, the rows from DuckDB (no C# loop per row).
static long Generate(string csv, int firms, int months)
{
    if (File.Exists(csv)) return new FileInfo(csv).Length;
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    // Without these DuckDB keeps the cross join's rows in order in memory (over 9 GB at 1,000,000 firms) before writing.
    Run(connection, "SET preserve_insertion_order = false");
    Run(connection, "SET memory_limit = '2GB'");
    Run(connection, "CREATE TABLE firms (n INTEGER, id VARCHAR, region VARCHAR, class VARCHAR)");
    var counties = CodeLists.Shipped.Regions.Where(r => r.Level == "county").Select(r => r.Code).ToArray();
    var classes = CodeLists.Shipped.Industries.Where(i => i.Level == "division" && string.CompareOrdinal(i.Code, "06") >= 0 && string.CompareOrdinal(i.Code, "46") <= 0)
        .Select(i => i.Code + "10").ToArray();
    var random = new Random(7);
    using (var appender = connection.CreateAppender("firms"))
        for (var n = 0; n < firms; n++)
        {
            var county = counties[random.Next(counties.Length)];
            var first17 = "91" + county + n.ToString("D8", CultureInfo.InvariantCulture) + "0";
            appender.CreateRow().AppendValue(n).AppendValue(first17 + CreditCode.CheckCharacter(first17)).AppendValue(county).AppendValue(classes[random.Next(classes.Length)]).EndRow();
        }
    Run(connection, $"""
        COPY (
            SELECT f.id AS enterprise_id, '企业' || f.n AS enterprise_name, f.region AS region_code, f.class AS industry_code,
                   CASE WHEN f.n % 100 = 0 THEN 'large' WHEN f.n % 10 = 0 THEN 'medium' ELSE 'small' END AS size_class,
                   i.name AS indicator, strftime(DATE '2023-01-01' + to_months(m.m), '%Y-%m') AS period,
                   round(100 + (hash(f.n, m.m, i.name) % 100000) / 100.0, 1) AS value, i.unit
            FROM firms f, range({months}) m(m),
                 (VALUES ('output', '万元'), ('revenue', '万元'), ('electricity', '万千瓦时'), ('employment', '人')) i(name, unit)
        ) TO '{csv}' (HEADER, DELIMITER ',')
        """);
    return (long)firms * months * 4;
}

static long Copy(string csv, string database, string memory)
{
    using var connection = new DuckDBConnection($"Data Source={database}");
    connection.Open();
    Run(connection, $"SET memory_limit = '{memory}'");
    Run(connection, """
        CREATE TABLE panel (enterprise_id VARCHAR, enterprise_name VARCHAR, region_code VARCHAR, industry_code VARCHAR, size_class VARCHAR,
                            indicator VARCHAR, period VARCHAR, value DOUBLE, unit VARCHAR)
        """);
    using var command = connection.CreateCommand();
    command.CommandText = $"COPY panel FROM '{csv}' (HEADER)";
    return Convert.ToInt64(command.ExecuteNonQuery(), CultureInfo.InvariantCulture);
}

static MonitorStore Store(string path, string memory) =>
    new(new StoreOptions { Path = path, MemoryLimit = memory }, EnterpriseSchema.Scripts.Concat(Monitor.Ingest.Store.IngestSchema.Scripts));

static string Fresh(string folder, string name)
{
    var path = Path.Combine(folder, name);
    File.Delete(path);
    File.Delete(path + ".wal");
    return path;
}

static void Run(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static int RunChild(string phase, int firms, int months, string memory, int shards)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    // Started as "dotnet EnterpriseBench.dll": the child needs the assembly too.
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(EnterpriseOptions).Assembly.Location.Replace("Monitor.Enterprises.dll", "EnterpriseBench.dll", StringComparison.Ordinal));
    foreach (var a in new[] { "--phase", phase, "--firms", firms.ToString(CultureInfo.InvariantCulture), "--months", months.ToString(CultureInfo.InvariantCulture), "--memory", memory, "--shards", shards.ToString(CultureInfo.InvariantCulture) })
        start.ArgumentList.Add(a);
    using var child = Process.Start(start)!;
    child.WaitForExit();
    return child.ExitCode;
}

static long PeakRssMb()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

static string Root()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}

static (string Phase, int Firms, int Months, string Memory, int Shards) Options(string[] args)
{
    string Get(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    return (Get("--phase", "all"), int.Parse(Get("--firms", "1000000"), CultureInfo.InvariantCulture),
        int.Parse(Get("--months", "36"), CultureInfo.InvariantCulture), Get("--memory", "3GB"),
        int.Parse(Get("--shards", "1"), CultureInfo.InvariantCulture));
}

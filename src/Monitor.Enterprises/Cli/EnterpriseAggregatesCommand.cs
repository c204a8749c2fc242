using System.CommandLine;
using System.Globalization;
using Monitor.Core.Cli;
using Monitor.Core.Text;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Disclosure;

namespace Monitor.Enterprises.Cli;

/// <summary>
/// <c>monitor enterprise-aggregates</c>: a disclosure-controlled table as CSV, margins ("_T") included; with
/// <c>--coverage</c> also each cell's share of the published total (<see cref="PublishedCoverage"/>), empty where hidden.
/// </summary>
public sealed class EnterpriseAggregatesCommand(AggregateTable table, PublishedCoverage coverage) : ICliVerb
{
    private const string Name = "enterprise-aggregates";

    public static Command Define() => new(Name, "a disclosure-controlled table of enterprise data as CSV, margins (\"_T\") included")
    {
        new Option<string>("--indicator") { Required = true, Description = "the indicator aggregated, e.g. output, revenue", HelpName = "NAME" },
        new Option<string>("--period") { Required = true, Description = "the month", HelpName = "YYYY-MM" },
        new Option<string>("--by") { Description = "dimensions, comma-separated (default: region,industry)" },
        new Option<string>("--region-level") { Description = "province or city", DefaultValueFactory = _ => "province" },
        new Option<string>("--industry-level") { Description = "section or division", DefaultValueFactory = _ => "division" },
        new Option<bool>("--coverage") { Description = "add coverage_pct: the cell's share (%) of the published total (Enterprises:Coverage); empty for hidden cells or where none is published" },
    };

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var period = args.Required("period");
        if (!DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            throw new CommandLineException($"--period: '{period}' is not a month (YYYY-MM)");
        var by = args.GetList("by");
        var request = new AggregateRequest(args.Required("indicator"), month, by.Count == 0 ? [AggregateRequest.Region, AggregateRequest.Industry] : by,
            args.Get("region-level") ?? "province", args.Get("industry-level") ?? "division");
        if (request.Problem() is { } problem) throw new CommandLineException(problem);

        var cells = table.Build(request);
        var withCoverage = args.Has("coverage");
        var shares = withCoverage ? coverage.Of(request, cells) : [];
        string[] columns = ["value", "firms", "suppressed", "reason"];
        await output.WriteLineAsync(CsvField.Line(request.By.Select(Column).Concat(withCoverage ? [.. columns, "coverage_pct"] : columns)));
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            string[] fields = [
                cell.Value is { } value ? CsvField.Number(Math.Round(value, 2)) : ProtectedCell.Hidden,
                cell.Firms.ToString(CultureInfo.InvariantCulture),
                cell.Suppressed ? "true" : "false",
                cell.ReasonText ?? ""];
            await output.WriteLineAsync(CsvField.Line(cell.Codes.Concat(withCoverage ? [.. fields, Share(shares[i])] : fields)));
        }
        if (cells.Count == 0) await args.Error.WriteLineAsync($"monitor {Name}: no {request.Indicator} rows for {period}");
        return 0;
    }

    private static string Share(double? percent) => percent is { } p ? CsvField.Number(Math.Round(p, 1)) : "";

    private static string Column(string dimension) => dimension switch
    {
        AggregateRequest.Region => "region_code",
        AggregateRequest.Industry => "industry_code",
        _ => "size_class",
    };
}

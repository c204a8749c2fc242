using System.CommandLine;
using DuckDB.NET.Data;
using Monitor.Core.Cli;

namespace Monitor.Present.Export.Query;

/// <summary><c>monitor query "SELECT …"</c>: runs one read-only query on the store and prints CSV with a header.</summary>
public sealed class QueryCommand(ReadOnlyQuery query) : ICliVerb
{
    public static Command Define() => new("query", "run one read-only query on the store and print CSV with a header")
    {
        new Argument<string>("sql") { Description = "one SELECT or WITH query, quoted as one argument" },
    };

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1) throw new CommandLineException("give the query as one quoted argument");
        try
        {
            query.WriteCsv(args.Positional[0], output);
            return Task.FromResult(0);
        }
        catch (QueryRejectedException ex)
        {
            throw new CommandLineException(ex.Message);
        }
        catch (DuckDBException ex)
        {
            args.Error.WriteLine($"monitor query: {ex.Message.Split('\n')[0]}");
            return Task.FromResult(1);
        }
    }
}

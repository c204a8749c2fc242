using DuckDB.NET.Data;
using Monitor.Core.Cli;

namespace Monitor.Present.Export.Query;

/// <summary><c>monitor query "SELECT …"</c>: runs one read-only query on the store and prints CSV with a header.</summary>
public sealed class QueryCommand(ReadOnlyQuery query) : ICliCommand
{
    public string Name => "query";

    public string Usage => "query \"<one SELECT or WITH query>\"   (read-only; prints CSV with a header)";

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
            Console.Error.WriteLine($"monitor query: {ex.Message.Split('\n')[0]}");
            return Task.FromResult(1);
        }
    }
}

namespace Monitor.Core.Cli;

/// <summary>A verb of the <c>monitor</c> command line; each stage contributes its own (ingest, backtest, export, ...).</summary>
public interface ICliCommand
{
    string Name { get; }

    /// <summary>One line for the help listing, with the verb's options.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code (0 ok, 1 failure, 2 bad usage).</summary>
    Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken);
}

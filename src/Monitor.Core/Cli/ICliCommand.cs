using System.CommandLine;

namespace Monitor.Core.Cli;

/// <summary>
/// A verb of the <c>monitor</c> command line. Each module contributes its own; adding one takes three steps:
/// <list type="number">
/// <item>a class <c>XCommand(dependencies…) : ICliVerb</c> whose static <see cref="ICliVerb.Define"/> returns the
/// System.CommandLine <see cref="Command"/> (name, description, options, arguments; no action) and whose
/// <see cref="RunAsync"/> reads the parsed values through <see cref="CommandLineArgs"/>;</item>
/// <item><c>services.AddCliVerb&lt;XCommand&gt;()</c> in the module's <c>AddMonitorX</c>;</item>
/// <item>tests parse and run it with <c>CliVerb.Of&lt;XCommand&gt;().RunAsync(services, [...], output, error)</c>, or
/// <c>CommandLineArgs.Parse(XCommand.Define(), [...])</c> for a hand-made instance.</item>
/// </list>
/// The definition is static so that the whole command line can be parsed (help, unknown options, the global
/// <c>--db</c>) before the host and the store are built; the instance is created from the host's services afterwards.
/// </summary>
public interface ICliCommand
{
    /// <summary>Runs the verb; returns the process exit code (0 ok, 1 failure); throw <see cref="CommandLineException"/> for bad usage (exit 2).</summary>
    Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>A verb whose command-line definition is known from its type (the usual case; see <see cref="ICliCommand"/>).</summary>
public interface ICliVerb : ICliCommand
{
    /// <summary>The verb's name, description, options and arguments.</summary>
    static abstract Command Define();
}

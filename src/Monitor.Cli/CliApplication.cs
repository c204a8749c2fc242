using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Cli;
using Monitor.Core.Store;

namespace Monitor.Cli;

/// <summary>
/// The <c>monitor</c> command: every module's verbs (registered with <c>AddCliVerb</c>) on System.CommandLine. The line is
/// parsed before the host is built, so help and bad usage never open the store and <c>--db</c> can choose it; then the
/// host (the web host's services without its job server) is built and the verb runs.
/// </summary>
public static class CliApplication
{
    /// <summary>Runs one command line; returns the exit code (0 ok, 1 the verb failed, 2 bad usage or store unavailable).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.AddMonitorCli();
        // Verbs print their own one-line summary; the shared appsettings' Information level is for the web host's console.
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Logging:LogLevel:Default", "Warning")]);
        var root = MonitorCommandLine.Build(builder.Services.CliVerbs());
        // No verb: the listing, as a usage error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : HelpVerb(args));
        var verbName = parse.CommandResult.Command == root ? null : parse.CommandResult.Command.Name;
        var prefix = verbName is null ? "monitor" : $"monitor {verbName}";

        if (parse.Action is not null && parse.Errors.Count == 0)
        {
            // --help, --version: System.CommandLine's own actions.
            var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
            return args.Length == 0 ? 2 : code;
        }
        if (verbName is null && parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } unknown)
        {
            await error.WriteLineAsync($"monitor: unknown verb '{unknown}' (try: monitor --help)");
            return 2;
        }

        try
        {
            var parsed = CommandLineArgs.From(parse, error);
            if (parsed.Database is { } db)
                builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Store:Path", Path.GetFullPath(db))]);
            using var host = builder.Build();
            var verb = host.Services.GetServices<CliVerb>().Single(v => v.Name == verbName);
            return await verb.Create(host.Services).RunAsync(parsed, output, CancellationToken.None);
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync($"{prefix}: {ex.Message} (see: {prefix} --help)");
            return 2;
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync($"{prefix}: {ex.Message}");
            return 2;
        }
    }

    /// <summary><c>monitor help [verb]</c>, as before System.CommandLine, is <c>monitor [verb] --help</c>.</summary>
    private static string[] HelpVerb(string[] args) => args is ["help", .. var rest] ? [.. rest, "--help"] : args;
}

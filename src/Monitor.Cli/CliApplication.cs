using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Cli;
using Monitor.Core.Store;

namespace Monitor.Cli;

/// <summary>The <c>monitor</c> command: builds the same services as the web host (without its job server) and runs one verb.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            return await RunVerbAsync(args, output, error);
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync($"monitor {args.FirstOrDefault()}: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> RunVerbAsync(string[] args, TextWriter output, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.AddMonitorCli();
        // Verbs print their own one-line summary; the shared appsettings' Information level is for the web host's console.
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Logging:LogLevel:Default", "Warning")]);
        if (DatabaseOverride(args) is { } db)
            builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Store:Path", Path.GetFullPath(db))]);
        using var host = builder.Build();
        var commands = host.Services.GetServices<ICliCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync("usage: monitor <verb> [options]");
            foreach (var command in commands) await output.WriteLineAsync($"  {command.Usage}");
            return args.Length == 0 ? 2 : 0;
        }

        var verb = commands.FirstOrDefault(c => c.Name == args[0]);
        if (verb is null)
        {
            await error.WriteLineAsync($"monitor: unknown verb '{args[0]}' (try: monitor help)");
            return 2;
        }

        try
        {
            var parsed = new CommandLineArgs(args.Skip(1));
            parsed.Has("db"); // consumed above, before the host was built
            var code = await verb.RunAsync(parsed, output, CancellationToken.None);
            if (parsed.Unread().FirstOrDefault() is { } unknown)
                await error.WriteLineAsync($"monitor {verb.Name}: warning: option --{unknown} was not used");
            return code;
        }
        catch (CommandLineException ex)
        {
            await error.WriteLineAsync($"monitor {verb.Name}: {ex.Message}\nusage: {verb.Usage}");
            return 2;
        }
    }

    /// <summary>The global <c>--db FILE</c> option: every verb works on that store instead of the configured one.</summary>
    private static string? DatabaseOverride(string[] args)
    {
        var index = Array.IndexOf(args, "--db");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

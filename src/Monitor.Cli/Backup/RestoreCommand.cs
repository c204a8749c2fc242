using System.CommandLine;
using Monitor.Core.Cli;
using Monitor.Core.Store;

namespace Monitor.Cli.Backup;

/// <summary><c>monitor restore DIR [--db FILE]</c>: replaces the store with a backup; refuses while another process holds the store.</summary>
internal sealed class RestoreCommand(MonitorStore store, TimeProvider clock) : ICliVerb
{
    public static Command Define() => new("restore", "replace the store with a backup made by 'monitor backup' (stop the host first; the old file is kept)")
    {
        new Argument<string>("dir") { Description = "the backup folder" },
    };

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = args.Positional.FirstOrDefault() ?? throw new CommandLineException("name the backup folder to restore");
        var kept = StoreBackup.Restore(folder, store.DatabasePath, clock);
        await output.WriteLineAsync($"restored {Path.GetFullPath(folder)} into {store.DatabasePath}" + (kept is null ? "" : $"; the previous store is kept as {kept}"));
        return 0;
    }
}

using System.Text.Json;

namespace Monitor.Core.Scale;

/// <summary>
/// One run of a sharded stage and its folder: <c>{root}/{stage}/{name}/</c> (name = run-{id}-{random}, so two stores
/// sharing a root never collide) holds a manifest, the stage's shared
/// context, each shard's input and, once complete, its result. Results are written under a temporary name and renamed,
/// so a reader never sees half a file.
/// </summary>
public sealed record ShardRun(string Stage, long RunId, string Name, int ShardCount, string Root, string CodeVersion)
{
    public string Folder => Path.Combine(Root, Stage, Name);

    public static string NewName(long runId) => $"run-{runId}-{Guid.NewGuid():N}"[..(12 + runId.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)];

    public string Input(int shard, string name = "input") => Path.Combine(Folder, $"shard-{shard:D4}.{name}.parquet");

    public string Output(int shard, string name = "output") => Path.Combine(Folder, $"shard-{shard:D4}.{name}.parquet");

    public string Context(string name) => Path.Combine(Folder, $"context.{name}");

    public string StatusFile(int shard) => Path.Combine(Folder, $"shard-{shard:D4}.status.json");

    private string ManifestPath => Path.Combine(Folder, "manifest.json");

    /// <summary>Writes a file through a temporary name and an atomic rename.</summary>
    public static void WriteAtomically(string path, Action<string> write)
    {
        var temporary = path + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public void WriteManifest()
    {
        Directory.CreateDirectory(Folder);
        WriteAtomically(ManifestPath, p => File.WriteAllText(p, JsonSerializer.Serialize(this)));
    }

    /// <summary>Reads a run's manifest from the shared folder (workers learn shard count and code version here).</summary>
    public static ShardRun Load(string root, string stage, string name)
    {
        var path = Path.Combine(root, stage, name, "manifest.json");
        if (!File.Exists(path)) throw new ShardException($"shard folder {stage}/{name} has no manifest at {path}: is Scale:ShardRoot the same shared folder on every machine?");
        var run = JsonSerializer.Deserialize<ShardRun>(File.ReadAllText(path)) ?? throw new ShardException($"manifest {path} is empty");
        return run with { Root = root };
    }

    public bool IsComplete(int shard) => File.Exists(Output(shard));
}

/// <summary>A shard could not be computed or merged; the message says why in one line.</summary>
public sealed class ShardException(string message, Exception? inner = null) : Exception(message, inner);

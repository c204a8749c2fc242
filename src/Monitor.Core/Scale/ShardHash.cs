namespace Monitor.Core.Scale;

/// <summary>
/// Stable shard choice: FNV-1a over the key's UTF-16 code units. string.GetHashCode is randomised per process, and
/// shards must be the same on every machine and every run.
/// </summary>
public static class ShardHash
{
    public static int ShardOf(string key, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return (int)(hash % (ulong)shards);
    }
}

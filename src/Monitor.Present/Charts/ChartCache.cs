using System.Collections.Concurrent;

namespace Monitor.Present.Charts;

/// <summary>
/// Rendered charts keyed by what they depend on (series, vintage, forecast run, anomalies, language, size, format).
/// A change of data gives a new key, so stale charts are never served; the cache is emptied when it grows past its size.
/// </summary>
internal sealed class ChartCache(int capacity)
{
    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);

    public T GetOrAdd<T>(string key, Func<T> render) where T : class
    {
        if (_entries.TryGetValue(key, out var hit)) return (T)hit;
        var value = render();
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[key] = value;
        return value;
    }

    public int Count => _entries.Count;
}

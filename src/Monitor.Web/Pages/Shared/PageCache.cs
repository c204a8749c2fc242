using System.Collections.Concurrent;
using Monitor.Present.Charts;

namespace Monitor.Web.Pages.Shared;

/// <summary>
/// Page query results kept until the store changes (see <see cref="StoreChangeToken"/>): a page on an unchanged store costs
/// one small query instead of a dozen scans, and any finished job or alert action shows on the next request.
/// </summary>
public sealed class PageCache(StoreChangeToken changes)
{
    private const int Capacity = 5000;
    private readonly ConcurrentDictionary<string, (string Token, object Value)> _entries = new(StringComparer.Ordinal);

    public T Get<T>(string key, Func<T> load) where T : notnull
    {
        var token = changes.Current();
        if (_entries.TryGetValue(key, out var entry) && entry.Token == token) return (T)entry.Value;
        var value = load();
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = (token, value);
        return value;
    }
}

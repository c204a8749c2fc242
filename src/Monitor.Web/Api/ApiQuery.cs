using System.Globalization;
using Monitor.Present.Export;

namespace Monitor.Web.Api;

/// <summary>
/// Reads and checks an endpoint's query-string parameters, collecting one message per bad parameter (unknown names
/// included, so a typo like <c>limt</c> is reported instead of silently ignored). <see cref="Problem"/> is the 400 answer.
/// </summary>
public sealed class ApiQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private readonly IQueryCollection _query;
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public ApiQuery(HttpRequest request, params string[] allowed)
    {
        _query = request.Query;
        var known = new HashSet<string>(allowed.Concat(["limit", "offset"]), StringComparer.Ordinal);
        foreach (var name in _query.Keys.Where(k => !known.Contains(k)))
            Error(name, $"{name}: unknown parameter (this endpoint takes {string.Join(", ", known.Order(StringComparer.Ordinal))})");
    }

    public bool IsValid => _errors.Count == 0;

    public IResult Problem() => ApiProblems.BadRequest(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public string? Text(string name) => _query[name].ToString() is { Length: > 0 } text ? text.Trim() : null;

    /// <summary>A comma-separated list (the parameter may also repeat).</summary>
    public IReadOnlyList<string> List(string name) =>
        _query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>A list whose every value must be one of <paramref name="choices"/>.</summary>
    public IReadOnlyList<string> Choice(string name, IReadOnlyList<string> choices)
    {
        var values = List(name);
        foreach (var bad in values.Where(v => !choices.Contains(v)))
            Error(name, $"{name}: '{bad}' is not one of {string.Join(", ", choices)}");
        return values;
    }

    public DateOnly? Date(string name)
    {
        if (Text(name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(name, $"{name}: '{text}' is not a date (use yyyy-MM-dd)");
        return null;
    }

    /// <summary>A point in time: a date means the end of that day, or an ISO timestamp (UTC).</summary>
    public DateTime? Instant(string name)
    {
        if (Text(name) is not { } text) return null;
        if (ExportFilterParser.TryParseInstant(text, out var instant)) return instant;
        Error(name, $"{name}: '{text}' is not a date or timestamp (use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)");
        return null;
    }

    public bool Flag(string name)
    {
        if (Text(name) is not { } text) return false;
        if (bool.TryParse(text, out var flag)) return flag;
        Error(name, $"{name}: '{text}' is not true or false");
        return false;
    }

    /// <summary>The page asked for: limit 1…1000 (default 100) and offset ≥ 0.</summary>
    public PageRequest Page()
    {
        var limit = Whole("limit", DefaultLimit, 1, MaxLimit);
        var offset = Whole("offset", 0, 0, int.MaxValue);
        return new PageRequest((int)limit, offset);
    }

    public void Error(string name, string message)
    {
        if (!_errors.TryGetValue(name, out var list)) _errors[name] = list = [];
        list.Add(message);
    }

    private long Whole(string name, long fallback, long min, long max)
    {
        if (Text(name) is not { } text) return fallback;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Error(name, $"{name}: '{text}' is not a whole number from {min} to {max}");
        return fallback;
    }
}

/// <summary>Which slice of a result the client asked for.</summary>
public readonly record struct PageRequest(int Limit, long Offset);

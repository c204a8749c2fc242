namespace Monitor.Ingest.Sources.Api;

/// <summary>Adds query parameters to a configured endpoint URL (which may already carry some), escaping their values.</summary>
internal static class QueryString
{
    public static Uri With(string endpoint, params (string Name, string? Value)[] parameters)
    {
        var builder = new UriBuilder(endpoint);
        var query = builder.Query.TrimStart('?');
        foreach (var (name, value) in parameters.Where(p => p.Value is not null))
            query += (query.Length > 0 ? "&" : "") + name + "=" + Uri.EscapeDataString(value!);
        builder.Query = query;
        return builder.Uri;
    }
}

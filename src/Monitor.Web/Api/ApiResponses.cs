using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Monitor.Web.Api;

/// <summary>A page of results with the total and the address of the next page (also sent as a Link header).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Limit, long Offset, long Total, string? Next);

/// <summary>
/// JSON answers with a strong ETag (SHA-256 of the body): a client that sends it back in If-None-Match gets 304 and
/// no body. Chinese text is written as is, not as \u escapes.
/// </summary>
public static class ApiResponses
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static IResult Ok<T>(HttpContext context, T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "private, no-cache";
        var match = context.Request.Headers.IfNoneMatch.ToString();
        if (match.Length > 0 && (match.Trim() == "*" || match.Split(',').Any(tag => Normalise(tag) == etag)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    /// <summary>A page answer; sets <c>Link: &lt;next&gt;; rel="next"</c> when more rows follow.</summary>
    public static IResult Paged<T>(HttpContext context, IReadOnlyList<T> items, PageRequest page, long total)
    {
        string? next = null;
        if (page.Offset + items.Count < total)
        {
            var query = context.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            query["limit"] = page.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            query["offset"] = (page.Offset + items.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            next = QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, query);
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return Ok(context, new Page<T>(items, page.Limit, page.Offset, total, next));
    }

    /// <summary>Weak validators (W/"…") match too: the body is the same either way.</summary>
    private static string Normalise(string tag)
    {
        var trimmed = tag.Trim();
        return trimmed.StartsWith("W/", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
    }
}

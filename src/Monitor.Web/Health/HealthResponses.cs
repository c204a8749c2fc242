using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitor.Web.Health;

/// <summary>
/// The JSON bodies of the health endpoints. Everyone gets <c>{"status": ...}</c> with the status code (200, or 503 when
/// unhealthy); callers allowed to see details also get the reason, the per-check results and the legacy /health fields
/// (database, jobStorage, lastSuccessfulRun, lastEmailDigest).
/// </summary>
public static class HealthResponses
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task StatusOnly(HttpContext context, HealthReport report) => Write(context, new Dictionary<string, object?> { ["status"] = Name(report.Status) });

    /// <summary>/health: details for signed-in admins.</summary>
    public static Task ForAdmins(HttpContext context, HealthReport report) =>
        HealthExposure.IsAdmin(context) ? Detailed(context, report) : StatusOnly(context, report);

    /// <summary>/health/ready: details for admins and for calls from this machine.</summary>
    public static Task ForAdminsOrLocal(HttpContext context, HealthReport report) =>
        HealthExposure.IsAdmin(context) || HealthExposure.IsLocal(context) ? Detailed(context, report) : StatusOnly(context, report);

    private static Task Detailed(HttpContext context, HealthReport report)
    {
        var body = new Dictionary<string, object?>
        {
            ["status"] = Name(report.Status),
            ["reason"] = Reason(report),
        };
        foreach (var entry in report.Entries.Values)
            foreach (var (key, value) in entry.Data) body[key] = value;
        body["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = Name(e.Value.Status), description = e.Value.Description });
        return Write(context, body);
    }

    /// <summary>"ok", "degraded" or "unhealthy" (the words /health has always used).</summary>
    public static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static string? Reason(HealthReport report)
    {
        var reasons = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description ?? e.Exception?.Message).ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static Task Write(HttpContext context, Dictionary<string, object?> body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}

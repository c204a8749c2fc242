using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Jobs;

namespace Monitor.Web;

/// <summary>GET /health: 200 with the DB file, the job storage and the last successful pipeline run; open to anyone.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", (MonitorStore store, JobRunLog runs, IOptions<JobStorageOptions> jobs) =>
        {
            var last = runs.LastSucceeded();
            return Results.Json(new
            {
                status = "ok",
                database = store.DatabasePath,
                jobStorage = jobs.Value.Describe(),
                lastSuccessfulRun = last is null ? null : new { job = last.JobKey, finishedAt = DateTime.SpecifyKind(last.FinishedAt, DateTimeKind.Utc), message = last.Message },
            });
        }).AllowAnonymous();
}

using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Jobs;

namespace Monitor.Web;

/// <summary>GET /health: 200 with the DB file, the job storage, the last successful pipeline stage and e-mail digest; open to anyone.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", (MonitorStore store, JobRunLog runs, IOptions<JobStorageOptions> jobs) =>
        {
            return Results.Json(new
            {
                status = "ok",
                database = store.DatabasePath,
                jobStorage = jobs.Value.Describe(),
                lastSuccessfulRun = Describe(runs.LastSucceededStage()),
                lastEmailDigest = Describe(runs.LastSucceeded(JobKeys.EmailDigest)),
            });
        }).AllowAnonymous();

    private static object? Describe(JobRun? run) =>
        run is null ? null : new { job = run.JobKey, finishedAt = DateTime.SpecifyKind(run.FinishedAt, DateTimeKind.Utc), message = run.Message };
}

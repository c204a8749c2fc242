using Cronos;
using Monitor.Core.Jobs;

namespace Monitor.Jobs;

/// <summary>A job's effective schedule: its configured override or declared cron, read in its own or the server's time zone.</summary>
public sealed record JobSchedule(string JobKey, string Cron, TimeZoneInfo Zone)
{
    /// <summary>The schedule of <paramref name="job"/>, or null when it only runs when triggered or chained (or is switched "off").</summary>
    public static JobSchedule? For(IMonitorJob job, JobStorageOptions options)
    {
        var cron = options.Schedules.GetValueOrDefault(job.Key) ?? job.DefaultCron;
        if (cron is null || cron == "off") return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(job is IZonedJob zoned ? zoned.TimeZone : options.TimeZone);
        return new JobSchedule(job.Key, cron, zone);
    }

    /// <summary>The first time the job is due strictly after <paramref name="after"/> (UTC), or null if never.</summary>
    public DateTime? NextAfter(DateTime after)
    {
        var format = Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.Parse(Cron, format).GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), Zone);
    }
}

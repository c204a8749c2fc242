using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Jobs;
using Monitor.Jobs;
using Monitor.Web.Pages.Overview;
using Monitor.Web.Pages.Shared;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Data;

/// <summary>Data: sources and their freshness, counts, last ingest runs with rejected rows, job runs, and "run now" for admins.</summary>
public sealed class IndexModel(DataQuery query, OverviewQuery overview, IEnumerable<IMonitorJob> jobs, IBackgroundJobClient client,
    IAuthorizationService authorization) : MonitorPageModel
{
    public IReadOnlyList<SourceFreshness> Sources { get; private set; } = [];
    public IReadOnlyList<(string Table, long Rows)> Counts { get; private set; } = [];
    public IReadOnlyList<IngestRunRow> IngestRuns { get; private set; } = [];
    public IReadOnlyList<JobRunRow> JobRuns { get; private set; } = [];
    public IReadOnlyList<IMonitorJob> Jobs { get; } = jobs.OrderBy(j => j.Key, StringComparer.Ordinal).ToList();
    public bool IsAdmin { get; private set; }

    /// <summary>Admins see messages as written; others see file names without the server's folders (issue #16).</summary>
    public string? Shown(string? text) => IsAdmin ? text : PathRedaction.Redact(text);
    public bool CanUpload { get; private set; }

    [TempData]
    public string? Enqueued { get; set; }

    public async Task OnGetAsync()
    {
        Sources = overview.Freshness();
        Counts = query.Counts();
        IngestRuns = query.IngestRuns();
        JobRuns = query.JobRuns();
        IsAdmin = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        CanUpload = (await authorization.AuthorizeAsync(User, Policies.Analyst)).Succeeded;
    }

    /// <summary>Enqueues one job through Hangfire (pipeline stages then hand over to the next stage as usual).</summary>
    public async Task<IActionResult> OnPostRunAsync(string key)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded) return Forbid();
        if (Jobs.All(j => j.Key != key)) return BadRequest();
        JobDispatcher.EnqueueNow(client, key);
        Enqueued = key;
        return RedirectToPage();
    }
}

using Hangfire;
using Hangfire.Storage.SQLite;

namespace Monitor.Jobs;

/// <summary>
/// The locks that keep pipeline stages from running at once (<see cref="DisableConcurrentExecutionAttribute"/> on
/// <see cref="JobDispatcher"/>). A process killed while it held one leaves it behind; a requeued stage would then poll
/// for it only every tenth of its hour-long timeout, so at start-up, before this host's server runs anything, they are released.
/// </summary>
public static class StageLocks
{
    /// <summary>Removes locks left by an ended process; returns how many. Only the SQLite storage keeps such locks past its process's end here.</summary>
    public static int ReleaseLeftovers(JobStorage storage)
    {
        if (storage is not SQLiteStorage sqlite) return 0; // in-memory locks end with the process; PostgreSQL's expire on their own timeout
        using var database = sqlite.CreateAndOpenConnection();
        return database.DistributedLockRepository.Delete(l => l.Resource.Contains(nameof(JobDispatcher)));
    }
}

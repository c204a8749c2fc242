namespace Monitor.Core.Audit;

/// <summary>
/// The append-only audit log every module writes to (Enterprises reads, Ingest uploads, Present exports, the CLI, sign-in).
/// There is deliberately no way to change or remove a row.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one row now (time from the host's TimeProvider).</summary>
    void Write(AuditEntry entry);

    /// <summary>
    /// Starts an audited act whose row is written when the scope is disposed: "success" if <see cref="AuditScope.Complete"/>
    /// was called, otherwise "failure" (an exception, an early return), so the row exists even when the act fails.
    /// </summary>
    AuditScope Begin(AuditActor actor, string action, string target, string? parameters = null) =>
        new(this, new AuditEntry(actor, action, target, parameters, Outcome: AuditOutcome.Failure, Detail: "did not complete"));

    /// <summary>Lists rows newest first.</summary>
    AuditPage Read(AuditFilter filter);
}

/// <summary>An audited act in progress; see <see cref="IAuditLog.Begin"/>.</summary>
public sealed class AuditScope(IAuditLog log, AuditEntry entry) : IDisposable
{
    private AuditEntry _entry = entry;
    private bool _written;

    /// <summary>Marks the act done, with the rows it handed out.</summary>
    public void Complete(long? rows = null, string? detail = null) =>
        _entry = _entry with { Outcome = AuditOutcome.Success, Rows = rows, Detail = detail };

    /// <summary>Marks the act failed (or refused) with a reason.</summary>
    public void Fail(string reason, string outcome = AuditOutcome.Failure) => _entry = _entry with { Outcome = outcome, Detail = reason };

    public void Dispose()
    {
        if (_written) return;
        _written = true;
        log.Write(_entry);
    }
}

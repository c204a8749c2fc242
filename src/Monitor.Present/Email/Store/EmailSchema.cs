using Monitor.Core.Store;

namespace Monitor.Present.Email.Store;

/// <summary>The e-mail module's own tables (subscriptions, outbox, settings), applied as module "email".</summary>
public static class EmailSchema
{
    /// <summary>Only this folder's scripts: Monitor.Present embeds other modules' scripts too.</summary>
    public static IEnumerable<SchemaScript> Scripts =>
        SchemaScript.FromEmbedded(typeof(EmailSchema).Assembly, "email", "Monitor.Present.Email.Store.Schema.");
}

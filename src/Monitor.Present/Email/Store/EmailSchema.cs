using Monitor.Core.Store;

namespace Monitor.Present.Email.Store;

/// <summary>The e-mail module's own tables (subscriptions, outbox, settings), applied as module "email".</summary>
public static class EmailSchema
{
    private const string ResourcePrefix = "Monitor.Present.Email.Store.Schema.";

    /// <summary>
    /// Only this folder's scripts: Monitor.Present may embed other modules' schema scripts too, and
    /// SchemaScript.FromEmbedded would hand all of them to every module.
    /// </summary>
    public static IEnumerable<SchemaScript> Scripts
    {
        get
        {
            var assembly = typeof(EmailSchema).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var fileName = name[ResourcePrefix.Length..];
                var version = int.Parse(new string(fileName.TakeWhile(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                yield return new SchemaScript("email", version, reader.ReadToEnd());
            }
        }
    }
}

namespace Monitor.Core.Store;

/// <summary>One numbered schema change of one module; applied once, in (module, version) order, recorded in schema_migrations.</summary>
public sealed record SchemaScript(string Module, int Version, string Sql)
{
    /// <summary>Loads every embedded "*.sql" resource of <paramref name="assembly"/> whose file name starts with a number ("001_x.sql").</summary>
    public static IEnumerable<SchemaScript> FromEmbedded(System.Reflection.Assembly assembly, string module)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var fileName = name.Split('.')[^2];
            var digits = new string(fileName.TakeWhile(char.IsDigit).ToArray());
            if (digits.Length == 0) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return new SchemaScript(module, int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), reader.ReadToEnd());
        }
    }
}

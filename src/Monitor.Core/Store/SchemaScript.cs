namespace Monitor.Core.Store;

/// <summary>One numbered schema change of one module; applied once, in (module, version) order, recorded in schema_migrations.</summary>
public sealed record SchemaScript(string Module, int Version, string Sql)
{
    /// <summary>
    /// Loads the embedded "*.sql" resources of <paramref name="assembly"/> whose file name starts with a number ("001_x.sql");
    /// with <paramref name="resourcePrefix"/> only those under that folder, for an assembly that embeds several modules' scripts.
    /// </summary>
    public static IEnumerable<SchemaScript> FromEmbedded(System.Reflection.Assembly assembly, string module, string resourcePrefix = "")
    {
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.StartsWith(resourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
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

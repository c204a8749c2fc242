namespace Monitor.Core.Store;

/// <summary>One numbered schema change of one module; applied once, in (module, version) order, recorded in schema_migrations.</summary>
public sealed record SchemaScript(string Module, int Version, string Sql)
{
    /// <summary>
    /// Loads the embedded "*.sql" resources of <paramref name="assembly"/> whose file name starts with a number ("001_x.sql");
    /// with <paramref name="resourcePrefix"/> only those under that folder, for an assembly that embeds several modules' scripts.
    /// Two scripts with one number (two branches each adding "their" next script) would let the store record one and
    /// silently skip the other, so that is refused at start-up, naming both files.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two scripts of the module share a version number.</exception>
    public static IEnumerable<SchemaScript> FromEmbedded(System.Reflection.Assembly assembly, string module, string resourcePrefix = "")
    {
        var scripts = Load(assembly, module, resourcePrefix).ToList();
        if (scripts.GroupBy(s => s.Script.Version).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new InvalidOperationException($"schema of module '{module}': scripts {string.Join(" and ", clash.Select(s => s.File))} share version {clash.Key}; renumber the newer one");
        return scripts.Select(s => s.Script);
    }

    private static IEnumerable<(SchemaScript Script, string File)> Load(System.Reflection.Assembly assembly, string module, string resourcePrefix)
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
            yield return (new SchemaScript(module, int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), reader.ReadToEnd()), fileName + ".sql");
        }
    }
}

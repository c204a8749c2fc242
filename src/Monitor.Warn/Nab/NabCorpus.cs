using System.Globalization;

namespace Monitor.Warn.Nab;

/// <summary>One NAB data file: its values in file order (as shipped, duplicates kept) and its windows as row indices.</summary>
public sealed record NabFile(string Name, double[] Values, IReadOnlyList<NabWindow> Windows);

/// <summary>Reads the NAB corpus from the shared nab folder: data/&lt;category&gt;/*.csv and windows.csv.</summary>
public static class NabCorpus
{
    public static IReadOnlyList<NabFile> Load(string folder)
    {
        var windows = File.ReadLines(Path.Combine(folder, "windows.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .GroupBy(f => f[0])
            .ToDictionary(g => g.Key, g => g.Select(f => (Start: Parse(f[3]), End: Parse(f[4]))).ToList());
        var files = new List<NabFile>();
        foreach (var path in Directory.GetFiles(Path.Combine(folder, "data"), "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Path.Combine(folder, "data"), path).Replace('\\', '/');
            var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
            var stamps = rows.Select(r => Parse(r[0])).ToArray();
            var values = rows.Select(r => double.Parse(r[1], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            var fileWindows = windows.GetValueOrDefault(name) ?? [];
            files.Add(new NabFile(name, values, fileWindows.Select(w => new NabWindow(FirstAtOrAfter(stamps, w.Start), LastAtOrBefore(stamps, w.End))).ToList()));
        }
        return files;
    }

    private static DateTime Parse(string text) => DateTime.ParseExact(text.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static int FirstAtOrAfter(DateTime[] stamps, DateTime t)
    {
        for (var i = 0; i < stamps.Length; i++) if (stamps[i] >= t) return i;
        return stamps.Length - 1;
    }

    private static int LastAtOrBefore(DateTime[] stamps, DateTime t)
    {
        for (var i = stamps.Length - 1; i >= 0; i--) if (stamps[i] <= t) return i;
        return 0;
    }
}

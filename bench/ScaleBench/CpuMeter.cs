using System.Diagnostics;
using System.Globalization;

namespace ScaleBench;

/// <summary>
/// CPU time a leg used next to its wall time, in total and by thread name (Linux /proc/PID/task), in this process or a
/// worker process, so a leg that should
/// run on one thread can be checked: cpu/wall above 1 means other threads (GC, a library's pool, DuckDB) worked too.
/// Threads that ended during the leg count in the total only.
/// </summary>
public sealed class CpuMeter(Process? process = null)
{
    private readonly Process _process = process ?? Process.GetCurrentProcess();
    private readonly TimeSpan _start = Total(process ?? Process.GetCurrentProcess());
    private readonly Dictionary<string, (string Name, long Ticks)> _threads = Threads(process?.Id);
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    /// <summary>"cpu_s=… cpu_per_wall=… threads: name s, …" for the time since this meter was made (a worker: while it still runs).</summary>
    public string Report()
    {
        var cpu = (Total(_process) - _start).TotalSeconds;
        var byName = Threads(process?.Id).Select(t => (t.Value.Name, Ticks: t.Value.Ticks - (_threads.TryGetValue(t.Key, out var before) ? before.Ticks : 0)))
            .GroupBy(t => t.Name).Select(g => (Name: g.Key, Seconds: g.Sum(t => t.Ticks) / (double)TicksPerSecond, Count: g.Count()))
            .Where(g => g.Seconds >= 0.05).OrderByDescending(g => g.Seconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu_s={cpu:F1} cpu_per_wall={cpu / _wall.Elapsed.TotalSeconds:F2} threads: {string.Join(", ", byName.Select(g => $"'{g.Name}'x{g.Count} {g.Seconds:F1} s"))}");
    }

    private static TimeSpan Total(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    // USER_HZ: the unit of utime and stime in /proc (100 on Linux).
    private const int TicksPerSecond = 100;

    private static Dictionary<string, (string Name, long Ticks)> Threads(int? pid)
    {
        var result = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        var tasks = $"/proc/{(pid is { } id ? id.ToString(CultureInfo.InvariantCulture) : "self")}/task";
        if (!Directory.Exists(tasks)) return result;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                // fields after the parenthesised name: state is field 3, utime 14, stime 15
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[Path.GetFileName(task)] = (File.ReadAllText(Path.Combine(task, "comm")).Trim(), ticks);
            }
            catch (IOException)
            {
                // the thread ended while being read
            }
        }
        return result;
    }
}

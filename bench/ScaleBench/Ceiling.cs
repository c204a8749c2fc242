using System.Diagnostics;
using System.Globalization;

namespace ScaleBench;

/// <summary>
/// ScaleBench ceiling [--rounds R]: what two processes get from this machine's cores, without the forecast code. Each
/// kernel runs as one child process alone, then as two at once; throughput = 2 × alone / (the slower of the two). Two
/// full cores give 2.0; two hyperthreads of one core, or a host that hands the VM less, give less. Kernels: "compute"
/// (a dependent floating-point and integer chain in registers) and "memory" (dependent random reads over 256 MB, far
/// beyond the caches).
/// </summary>
public static class Ceiling
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        foreach (var kernel in new[] { "compute", "memory" })
        {
            for (var round = 1; round <= rounds; round++)
            {
                var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
                var alone = Children(kernel, 1).Single();
                var two = Children(kernel, 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ceiling: kernel={kernel} round={round} alone_s={alone:F2} two_at_once_s={two[0]:F2},{two[1]:F2} throughput={2 * alone / two.Max():F2} load={load}"));
            }
        }
        return 0;
    }

    /// <summary>The child: runs one kernel and prints its own wall seconds.</summary>
    public static int Child(string kernel)
    {
        var watch = Stopwatch.StartNew();
        var result = kernel == "memory" ? Memory() : Compute();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:R} {result}"));
        return 0;
    }

    private static double[] Children(string kernel, int count)
    {
        var processes = Enumerable.Range(0, count).Select(_ =>
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(typeof(Ceiling).Assembly.Location);
            start.ArgumentList.Add("ceiling-child");
            start.ArgumentList.Add(kernel);
            start.Environment["DOTNET_gcServer"] = "0";
            return Process.Start(start)!;
        }).ToList();
        return processes.Select(p =>
        {
            var line = p.StandardOutput.ReadLine() ?? throw new InvalidOperationException("ceiling child printed nothing");
            p.WaitForExit();
            return double.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture);
        }).ToArray();
    }

    private static double Compute()
    {
        var x = 1.0;
        var h = 1469598103934665603UL;
        for (long i = 0; i < 1_500_000_000; i++)
        {
            x = (x * 1.0000001) + 1e-9;
            h = (h ^ (ulong)i) * 1099511628211UL;
        }
        return x + h;
    }

    private static double Memory()
    {
        // a random cycle through 32 M longs (256 MB): every read waits for the one before, and almost all miss the caches
        const int size = 1 << 25;
        var next = new int[size];
        var order = Enumerable.Range(0, size).ToArray();
        new Random(17).Shuffle(order);
        for (var i = 0; i < size; i++) next[order[i]] = order[(i + 1) % size];
        var at = 0;
        long sum = 0;
        for (var i = 0; i < 60_000_000; i++)
        {
            at = next[at];
            sum += at;
        }
        return sum;
    }
}

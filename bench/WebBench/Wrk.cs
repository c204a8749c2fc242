using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WebBench;

/// <summary>Runs Debian's wrk against one URL and reads p50, p99, requests/s and errors from its --latency report.</summary>
internal static partial class Wrk
{
    public sealed record Result(string Name, double P50Ms, double P99Ms, double RequestsPerSecond, long Requests, long Errors);

    public static Result Run(string name, string url, string? cookie, int connections, int seconds, string? script = null)
    {
        var arguments = $"-t2 -c{connections} -d{seconds}s --latency --timeout 10s";
        if (cookie is not null) arguments += $" -H \"Cookie: {cookie}\"";
        if (script is not null) arguments += $" -s {script}";
        arguments += " " + url;
        using var process = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {process.StandardError.ReadToEnd()}");
        return new Result(name, Latency(output, "50%"), Latency(output, "99%"),
            Number(RequestsPerSecond().Match(output)), (long)Number(Requests().Match(output)),
            (long)Number(Non2xx().Match(output)) + SocketErrors(output));
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static long SocketErrors(string output)
    {
        var match = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        return match.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
    }

    private static double Number(Match match) => match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}

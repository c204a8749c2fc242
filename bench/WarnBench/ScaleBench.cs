namespace WarnBench;

/// <summary>Placeholder until the scale benchmark is written.</summary>
internal static class ScaleBench
{
    public static void Run(int series, int months) => Console.WriteLine($"{series} x {months}");
}

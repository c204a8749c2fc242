using WarnBench;

// dotnet run -c Release --project bench/WarnBench -- scale [series] [months]  |  job [series] [months]  |  nab [--sweep]
var mode = args.Length > 0 ? args[0] : "scale";
var datasets = Environment.GetEnvironmentVariable("MONITOR_DATASETS") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../../shared/datasets"));
switch (mode)
{
    case "job":
        JobBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 240);
        break;
    case "nab":
        NabBench.Run(Path.Combine(datasets, "nab"), args.Contains("--sweep"));
        break;
    default:
        ScaleBench.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 240);
        break;
}

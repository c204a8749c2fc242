using ScaleBench;

// "worker": a shard worker process (the same WorkerHost as `monitor worker`), used by the benchmark and the tests.
if (args.Length > 0 && args[0] == "worker") return Monitor.Web.Scale.WorkerHost.Run(args[1..]);
// "ceiling": what two processes get from the machine's cores, without the forecast code.
if (args.Length > 0 && args[0] == "ceiling") return Ceiling.Run(args[1..]);
if (args.Length > 1 && args[0] == "ceiling-child") return Ceiling.Child(args[1]);
return await Benchmark.Run(args);

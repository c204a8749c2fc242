using ScaleBench;

// "worker": a shard worker process (the same WorkerHost as `monitor worker`), used by the benchmark and the tests.
if (args.Length > 0 && args[0] == "worker") return Monitor.Web.Scale.WorkerHost.Run(args[1..]);
return await Benchmark.Run(args);

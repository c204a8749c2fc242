// Scale:Role=worker makes this process a shard worker (no web, no store); otherwise the dashboard and job server.
return Monitor.Core.Scale.ScaleRoles.IsWorker(args) ? Monitor.Web.Scale.WorkerHost.Run(args) : Monitor.Web.MonitorWebHost.Run(args);

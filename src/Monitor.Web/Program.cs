return Monitor.Web.MonitorWebHost.Run(args);

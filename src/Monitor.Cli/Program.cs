using Monitor.Cli;

return await CliApplication.RunAsync(args);

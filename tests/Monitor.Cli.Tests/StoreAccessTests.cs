using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Cli.Tests;

/// <summary>Bad start conditions end with a one-line reason naming the file or port, and a non-zero exit.</summary>
[TestClass]
public sealed class StoreAccessTests
{
    [TestMethod]
    public async Task StatusReportsAnEmptyStore()
    {
        var folder = TempFolder.Create();
        try
        {
            var db = Path.Combine(folder, "s.duckdb");
            var output = new StringWriter();

            var code = await CliApplication.RunAsync(["status", "--db", db], output, new StringWriter());

            Assert.AreEqual(0, code);
            StringAssert.Contains(output.ToString(), "0 series");
            StringAssert.Contains(output.ToString(), db);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task AVerbOnAStoreHeldByAnotherProcessSaysSoAndExitsTwo()
    {
        using var held = TestStore.OnDisk();
        var (code, _, error) = await RunMonitorProcess("status", "--db", held.Store.DatabasePath);

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "held by another process");
        StringAssert.Contains(error, held.Store.DatabasePath);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, "one line: " + error);
    }

    [TestMethod]
    public async Task ACorruptStoreFileIsNamedAndLeftAlone()
    {
        var folder = TempFolder.Create();
        try
        {
            var db = Path.Combine(folder, "corrupt.duckdb");
            await File.WriteAllTextAsync(db, "this is not a duckdb file, it is a note somebody saved with the wrong name");
            var before = await File.ReadAllBytesAsync(db);
            var error = new StringWriter();

            var code = await CliApplication.RunAsync(["status", "--db", db], new StringWriter(), error);

            Assert.AreEqual(2, code);
            StringAssert.Contains(error.ToString(), db);
            CollectionAssert.AreEqual(before, await File.ReadAllBytesAsync(db), "the file is not overwritten");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task ServeOnAPortInUseNamesThePortAndExitsTwo()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        var folder = TempFolder.Create();
        try
        {
            var (code, _, error) = await RunMonitorProcess("serve", "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(folder, "s.duckdb"));

            Assert.AreEqual(2, code, error);
            StringAssert.Contains(error, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            StringAssert.Contains(error, "already in use");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task RestoreRefusesAStoreHeldByAnotherProcessAndChangesNothing()
    {
        using var held = TestStore.OnDisk();
        var backup = Path.Combine(held.Folder!, "backup");
        StoreBackup.Export(held.Store, backup, TimeProvider.System);
        var before = Directory.GetFiles(held.Folder!).Order().ToArray();

        var (code, _, error) = await RunMonitorProcess("restore", backup, "--db", held.Store.DatabasePath);

        Assert.AreEqual(2, code, error);
        StringAssert.Contains(error, "in use");
        CollectionAssert.AreEqual(before, Directory.GetFiles(held.Folder!).Order().ToArray(), "no file added, moved or replaced");
    }

    /// <summary>Runs the built CLI as a real second process (DuckDB's file lock is per process).</summary>
    private static async Task<(int Code, string Output, string Error)> RunMonitorProcess(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["JobStorage__Kind"] = "memory";
        start.Environment["Pipeline__FirstStartSources__0"] = "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}

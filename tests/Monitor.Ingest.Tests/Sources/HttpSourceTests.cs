using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Monitor.Ingest.Sources;
using Monitor.Ingest.Sources.Api;

namespace Monitor.Ingest.Tests.Sources;

/// <summary>An HTTP source on 127.0.0.1: the first run downloads and loads; the next sends its ETag, gets 304 and skips.</summary>
[TestClass]
public sealed class HttpSourceTests
{
    private const string Csv = "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\nX,x,macro,,,M,2024-01-01,1,\n";

    [TestMethod]
    public async Task UnchangedRemoteFileAnswers304AndTheRunIsSkipped()
    {
        using var h = new IngestHarness();
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var conditional = new List<string?>();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                var ifNoneMatch = context.Request.Headers["If-None-Match"];
                conditional.Add(ifNoneMatch);
                if (ifNoneMatch == "\"v1\"") context.Response.StatusCode = 304;
                else
                {
                    context.Response.Headers["ETag"] = "\"v1\"";
                    var bytes = System.Text.Encoding.UTF8.GetBytes(Csv);
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
                context.Response.Close();
            }
        });

        var source = new SourceOptions { Name = "remote", Kind = "http", Location = $"http://127.0.0.1:{port}/observations.csv", Dataset = "web" };
        var options = Options.Create(new IngestOptions { Sources = [source], CacheFolder = Path.Combine(h.Folder, "cache") });
        using var http = new IngestHttpClient();
        var fetcher = new HttpFetcher(http, h.Store, options, TimeProvider.System);
        var runner = new SourceRunner(h.Ingestor, fetcher, new ApiFetcher(fetcher, []), options);

        var first = await runner.RunAsync("remote", CancellationToken.None);
        var second = await runner.RunAsync("remote", CancellationToken.None);
        await server.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.AreEqual(("succeeded", 1L), (first.Status, first.RowsNew));
        Assert.AreEqual("skipped", second.Status);
        CollectionAssert.AreEqual(new[] { null, "\"v1\"" }, conditional.ToArray());
        Assert.AreEqual("\"v1\"", h.Scalar("SELECT etag FROM ingest_http_cache WHERE source = 'remote'"));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

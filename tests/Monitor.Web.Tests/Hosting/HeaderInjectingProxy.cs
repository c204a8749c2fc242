using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Monitor.Web.Tests.Hosting;

/// <summary>
/// A reverse proxy in miniature on a free loopback port, as nginx would be configured in docs/deploy.md: it forwards
/// every request to the host with the public Host name and adds X-Forwarded-Proto and X-Forwarded-For.
/// </summary>
public sealed class HeaderInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Transfer-Encoding", "Host" };
    private readonly WebApplication _app;
    private readonly HttpClient _backend;

    private HeaderInjectingProxy(WebApplication app, HttpClient backend, Uri address)
    {
        _app = app;
        _backend = backend;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HeaderInjectingProxy> StartAsync(Uri target, string publicHost, string proto, string clientAddress)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = target };
        app.Run(context => Forward(context, backend, publicHost, proto, clientAddress));
        await app.StartAsync();
        return new HeaderInjectingProxy(app, backend, new Uri(app.Urls.Single()));
    }

    private static async Task Forward(HttpContext context, HttpClient backend, string publicHost, string proto, string clientAddress)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding")) request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        request.Headers.Host = publicHost;
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", proto);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", clientAddress);

        using var response = await backend.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!HopHeaders.Contains(name)) context.Response.Headers[name] = values.ToArray();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _backend.Dispose();
    }
}

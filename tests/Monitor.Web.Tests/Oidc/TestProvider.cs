using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Testing;

namespace Monitor.Web.Tests.Oidc;

/// <summary>
/// A real OpenID Connect provider (the npm package oidc-provider, tests/Monitor.Web.Tests/Oidc/provider) run by node on
/// 127.0.0.1. Its accounts and their groups live in a JSON file the test rewrites, so a group change "at the identity
/// provider" shows at the next sign-in. Skipped, saying why, without node or the installed package (.ci/install.sh runs npm ci).
/// </summary>
public sealed partial class TestProvider : IDisposable
{
    public const string ClientId = "monitor-test";

    private readonly Process _node;
    private readonly string _accountsFile;
    private readonly Dictionary<string, (string[] Groups, string[] Regions)> _accounts = [];

    private TestProvider(Process node, string accountsFile, Uri issuer)
    {
        _node = node;
        _accountsFile = accountsFile;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    /// <summary>The client secret, made fresh for each run: it is never in the repository.</summary>
    public static string ClientSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Monitor.Web.Tests", "Oidc", "provider");

    /// <summary>A free loopback port for the provider, known before the host that must name it starts.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Starts the provider on <paramref name="port"/> with one client whose redirect URI is <paramref name="redirectUri"/>.</summary>
    public static async Task<TestProvider> StartAsync(int port, Uri redirectUri, string folder)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")))
            CiRequirement.Missing($"the test OIDC provider is not installed (cd {Folder} && npm ci; .ci/install.sh does it)");
        var accountsFile = Path.Combine(folder, "oidc-accounts.json");
        await File.WriteAllTextAsync(accountsFile, "{}");
        var start = new ProcessStartInfo("node", "provider.js")
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["REDIRECT_URI"] = redirectUri.ToString(),
                ["CLIENT_ID"] = ClientId, ["CLIENT_SECRET"] = ClientSecret, ["ACCOUNTS_FILE"] = accountsFile,
            },
        };
        Process node;
        try
        {
            node = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            CiRequirement.Missing("node is not installed (apt-get install -y nodejs npm; .ci/install.sh does it)");
            throw;
        }
        var errors = node.StandardError.ReadToEndAsync();
        // The script prints one line once it listens; without it (a crash), its error output says why.
        var ready = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready is null || !ready.Contains("listening", StringComparison.Ordinal))
            throw new InvalidOperationException($"the OIDC provider did not start: {ready} {await errors}");
        _ = node.StandardOutput.ReadToEndAsync();
        return new TestProvider(node, accountsFile, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Adds or changes an account at the provider (its groups and enterprise regions); the provider reads the file at each sign-in.</summary>
    public void SetAccount(string login, string[] groups, string[]? regions = null)
    {
        lock (_accounts)
        {
            _accounts[login] = (groups, regions ?? []);
            File.WriteAllText(_accountsFile, JsonSerializer.Serialize(_accounts.ToDictionary(a => a.Key, a => new { groups = a.Value.Groups, regions = a.Value.Regions })));
        }
    }

    /// <summary>
    /// Signs in at <paramref name="host"/> through the provider as a browser would: the host's organisation sign-in link,
    /// the provider's login form, its consent form, back to the host. Returns a client with the resulting cookies (not
    /// following redirects) and the path the browser ended on.
    /// </summary>
    public static async Task<(HttpClient Client, string LandedOn)> SignInAsync(Uri host, string login)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = host };
        var response = await browser.GetAsync("/Account/SignIn?handler=Oidc&returnUrl=%2FData");
        for (var step = 0; step < 4 && response.RequestMessage!.RequestUri!.Port != host.Port; step++)
        {
            var page = await response.Content.ReadAsStringAsync();
            var form = FormPattern().Match(page);
            if (!form.Success) throw new InvalidOperationException($"no interaction form at {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {page}");
            var action = new Uri(response.RequestMessage.RequestUri, WebUtility.HtmlDecode(form.Groups["action"].Value));
            var prompt = PromptPattern().Match(page).Groups[1].Value;
            response.Dispose();
            response = await browser.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["prompt"] = prompt, ["login"] = login, ["password"] = "any password: the development login takes any",
            }));
        }
        using (response)
        {
            var landed = response.RequestMessage!.RequestUri!;
            var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host };
            return (client, landed.PathAndQuery);
        }
    }

    public void Dispose()
    {
        if (!_node.HasExited) _node.Kill(entireProcessTree: true);
        _node.WaitForExit();
        _node.Dispose();
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"[^>]*method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"prompt\" value=\"([a-z]+)\"")]
    private static partial Regex PromptPattern();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Monitor.Core.Configuration;

/// <summary>
/// Makes the shipped appsettings.json (next to the binaries) the lowest layer of configuration, so that
/// `dotnet run --project src/Monitor.Web` from the repository root finds it while data/ stays under the working directory.
/// </summary>
public static class AppSettings
{
    public static void AddShippedDefaults(IConfigurationBuilder configuration, string contentRoot)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(Path.Combine(contentRoot, "appsettings.json")) || !File.Exists(shipped)) return;
        var source = new JsonConfigurationSource { Path = shipped, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider(); // before inserting: the builder loads the source at once, with this provider
        configuration.Sources.Insert(0, source);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Monitor.Testing;

namespace Monitor.Web.Tests.Seeding;

/// <summary>Stores made by hand for page queries: the core schema plus the warn stage's, whose views the pages read.</summary>
internal static class WebStores
{
    public static TestStore InMemory() => TestStore.InMemory(WarnServiceCollectionExtensions.Schema);
}

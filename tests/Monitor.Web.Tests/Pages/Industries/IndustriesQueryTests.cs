using Monitor.Testing;
using Monitor.Web.Pages.Industries;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Industries;

[TestClass]
public sealed class IndustriesQueryTests
{
    [TestMethod]
    public void Heatmap_covers_20_industries_over_24_months()
    {
        var store = SeededStore.Shared;

        var cells = new IndustriesQuery(store).Cells("output");

        Assert.HasCount(20, cells.Select(c => c.IndustryCode).Distinct().ToList());
        Assert.HasCount(24, cells.Select(c => c.Period).Distinct().ToList());
        Assert.IsTrue(cells.All(c => c.YearChange is not null && c.Colour is not null));
    }
}

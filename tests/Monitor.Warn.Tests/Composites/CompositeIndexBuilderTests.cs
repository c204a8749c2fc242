using Monitor.Warn.Composites;

namespace Monitor.Warn.Tests.Composites;

[TestClass]
public sealed class CompositeIndexBuilderTests
{
    [TestMethod]
    public void Index_starts_at_100_and_contributions_sum_to_each_change()
    {
        double[] a = [100, 102, 101, 105, 107];
        double[] b = [50, 50.5, 51, 50, 52];
        var result = CompositeIndexBuilder.Build([new("a", a), new("b", b, 2.0)], 5);
        Assert.AreEqual(100, result.Index[0]);
        for (var t = 1; t < 5; t++)
        {
            var sum = result.Contributions["a"][t] + result.Contributions["b"][t];
            Assert.AreEqual(result.Change[t], sum, 1e-12);
            Assert.AreEqual(result.Index[t - 1] * (200 + result.Change[t]) / (200 - result.Change[t]), result.Index[t], 1e-9);
        }
    }

    [TestMethod]
    public void Standardised_changes_have_mean_absolute_value_one()
    {
        double[] a = [10, 12, 11, 15, 14, 18];
        var result = CompositeIndexBuilder.Build([new("a", a)], a.Length);
        Assert.AreEqual(1.0, result.Change.Skip(1).Average(Math.Abs), 1e-12);
    }

    [TestMethod]
    public void An_inverted_component_pulls_the_index_down_when_it_rises()
    {
        double[] claims = [100, 110, 120, 130];
        var result = CompositeIndexBuilder.Build([new("claims", claims, Inverted: true)], 4);
        Assert.IsLessThan(100, result.Index[3]);
    }

    [TestMethod]
    public void Cycle_of_a_trend_plus_sine_recovers_the_sine_phase()
    {
        var index = Enumerable.Range(0, 360).Select(t => 100 * Math.Exp((0.002 * t) + (0.03 * Math.Sin(2 * Math.PI * t / 60)))).ToArray();
        var cycle = OecdCycle.Compute(index);
        Assert.AreEqual(100, cycle.Average(), 1e-9);
        var peaks = new BryBoschan().Date(cycle).Where(p => p.IsPeak).Select(p => p.Index % 60).ToList();
        Assert.IsNotEmpty(peaks);
        Assert.IsTrue(peaks.All(p => Math.Abs(p - 15) <= 2), string.Join(",", peaks));
    }
}

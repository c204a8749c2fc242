using Monitor.Warn.Composites;

namespace Monitor.Warn.Tests.Composites;

[TestClass]
public sealed class BryBoschanTests
{
    [TestMethod]
    public void A_sine_with_a_48_month_cycle_has_alternating_peaks_and_troughs_at_the_crests()
    {
        // sin(2πt/48) peaks at t = 12 + 48k and bottoms at t = 36 + 48k
        var x = Enumerable.Range(0, 200).Select(t => Math.Sin(2 * Math.PI * t / 48)).ToArray();
        var points = new BryBoschan().Date(x);
        CollectionAssert.AreEqual(new[] { 12, 36, 60, 84, 108, 132, 156, 180 }, points.Select(p => p.Index).ToArray());
        for (var i = 1; i < points.Count; i++) Assert.AreNotEqual(points[i - 1].IsPeak, points[i].IsPeak);
        Assert.IsTrue(points[0].IsPeak);
    }

    [TestMethod]
    public void No_turning_point_is_dated_at_the_ends()
    {
        var x = Enumerable.Range(0, 40).Select(t => Math.Sin(2 * Math.PI * (t + 22) / 48)).ToArray(); // crest near t = 2 and trough at t = 38
        var points = new BryBoschan().Date(x);
        Assert.IsTrue(points.All(p => p.Index >= 6 && p.Index < 34), string.Join(",", points.Select(p => p.Index)));
    }

    [TestMethod]
    public void Wiggles_shorter_than_the_minimum_phase_and_cycle_are_removed()
    {
        // a 60-month cycle plus a small 8-month ripple: only the big cycle survives
        var x = Enumerable.Range(0, 180).Select(t => Math.Sin(2 * Math.PI * t / 60) + (0.15 * Math.Sin(2 * Math.PI * t / 8))).ToArray();
        var points = new BryBoschan().Date(x);
        for (var i = 1; i < points.Count; i++) Assert.IsGreaterThanOrEqualTo(6, points[i].Index - points[i - 1].Index);
        for (var i = 2; i < points.Count; i++) Assert.IsGreaterThanOrEqualTo(15, points[i].Index - points[i - 2].Index);
        int[] crests = [15, 45, 75, 105, 135, 165];
        Assert.HasCount(crests.Length, points, string.Join(",", points.Select(p => p.Index)));
        for (var i = 0; i < crests.Length; i++) Assert.IsLessThanOrEqualTo(4, Math.Abs(points[i].Index - crests[i]));
    }
}

using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Tests.Model;

/// <summary>The idiosyncratic-variance floor of EM (<see cref="EmOptions.IdioFloor"/>).</summary>
[TestClass]
public sealed class DfmIdioFloorTests
{
    /// <summary>The simulated panel with a near-copy of its first series (a HOUST/PERMIT-like pair) before the quarterly target.</summary>
    private static (DfmSpec Spec, double[][] Data) WithNearDuplicate()
    {
        var (spec, data) = DfmTests.Simulated();
        var random = new Random(11);
        var gdp = spec.IndexOf("gdp");
        var rows = data.Select(row => row[..gdp].Append(row[0] + (0.01 * ((random.NextDouble() * 2) - 1))).Concat(row[gdp..]).ToArray()).ToArray();
        var series = spec.Series.Take(gdp).Append(new DfmSeries("m0copy", false, [0])).Concat(spec.Series.Skip(gdp)).ToList();
        return (new DfmSpec(series, ["global"], factorOrder: 1), rows);
    }

    [TestMethod]
    public void TheFloorKeepsANearDuplicatePairsVarianceAtTheShare()
    {
        var (spec, data) = WithNearDuplicate();
        var copy = spec.IndexOf("m0copy");
        var off = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 100));
        var floored = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 100, IdioFloor: 0.05));

        // unfloored, the pair explains itself: the factor sits on it and its noise collapses far below 5% of its variance
        Assert.IsTrue(Math.Min(off.Parameters.IdioVariance[0], off.Parameters.IdioVariance[copy]) < 0.01, $"{off.Parameters.IdioVariance[0]}, {off.Parameters.IdioVariance[copy]}");
        Assert.IsNull(floored.Problem);
        for (var i = 0; i < spec.Series.Count; i++)
        {
            var minimum = spec.Series[i].Quarterly ? 0.05 / 19 : 0.05; // a quarterly term is summed with weights 1,2,3,2,1
            Assert.IsTrue(floored.Parameters.IdioVariance[i] >= minimum - 1e-12, $"{spec.Series[i].Code}: {floored.Parameters.IdioVariance[i]}");
        }
        Assert.IsTrue(floored.Parameters.IdioVariance[0] < 0.05 + 1e-9 || floored.Parameters.IdioVariance[copy] < 0.05 + 1e-9, "the floor binds for the pair");
        for (var k = 1; k < floored.Trace.Count; k++)
            Assert.IsTrue(floored.Trace[k] >= floored.Trace[k - 1] - (1e-6 * Math.Abs(floored.Trace[k - 1])), $"the likelihood fell at point {k}");
    }

    [TestMethod]
    public void AFloorThatNeverBindsChangesNothing()
    {
        var (spec, data) = WithNearDuplicate();
        var off = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 30));
        var tiny = DfmEstimator.Fit(spec, data, new EmOptions(MaxIterations: 30, IdioFloor: 1e-5)); // below the 1e-4 guard

        Assert.AreEqual(off.Iterations, tiny.Iterations);
        CollectionAssert.AreEqual(off.Trace.ToArray(), tiny.Trace.ToArray());
        CollectionAssert.AreEqual(off.Parameters.IdioVariance, tiny.Parameters.IdioVariance);
        CollectionAssert.AreEqual(off.Parameters.Loadings.SelectMany(l => l).ToArray(), tiny.Parameters.Loadings.SelectMany(l => l).ToArray());
    }
}

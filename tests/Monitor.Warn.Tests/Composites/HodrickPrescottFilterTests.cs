using Monitor.Warn.Composites;

namespace Monitor.Warn.Tests.Composites;

[TestClass]
public sealed class HodrickPrescottFilterTests
{
    [TestMethod]
    public void Lambda_for_the_OECD_cut_offs_matches_the_published_values()
    {
        Assert.AreEqual(133107.94, HodrickPrescottFilter.LambdaForCutoff(120), 0.5);
        Assert.AreEqual(13.93, HodrickPrescottFilter.LambdaForCutoff(12), 0.01);
    }

    [TestMethod]
    public void A_straight_line_is_its_own_trend()
    {
        var y = Enumerable.Range(0, 50).Select(i => 3.0 + (0.7 * i)).ToArray();
        var trend = HodrickPrescottFilter.Trend(y, 1600);
        for (var i = 0; i < y.Length; i++) Assert.AreEqual(y[i], trend[i], 1e-8);
    }

    [TestMethod]
    public void Banded_solution_equals_the_dense_solution_of_the_normal_equations()
    {
        double[] y = [1, 4, 2, 8, 5, 7, 3, 9, 6, 10];
        const double lambda = 100;
        var expected = DenseSolve(y, lambda);
        var trend = HodrickPrescottFilter.Trend(y, lambda);
        for (var i = 0; i < y.Length; i++) Assert.AreEqual(expected[i], trend[i], 1e-9);
    }

    [TestMethod]
    public void Worked_example_with_lambda_one_on_five_points()
    {
        // (I + DᵀD) τ = y for a unit pulse: the trend is symmetric, keeps the sum, and equals Gaussian elimination
        double[] y = [0, 0, 1, 0, 0];
        var trend = HodrickPrescottFilter.Trend(y, 1);
        Assert.AreEqual(trend[0], trend[4], 1e-12, "the filter is symmetric in time");
        Assert.AreEqual(1.0, trend.Sum(), 1e-12, "the HP trend preserves the sum of the data");
        CollectionAssert.AreEqual(DenseSolve(y, 1).Select(v => Math.Round(v, 10)).ToArray(), trend.Select(v => Math.Round(v, 10)).ToArray());
    }

    private static double[] DenseSolve(double[] y, double lambda)
    {
        var n = y.Length;
        var a = new double[n, n + 1];
        for (var i = 0; i < n; i++) { a[i, i] = 1; a[i, n] = y[i]; }
        for (var r = 0; r < n - 2; r++)
        {
            double[] d = [1, -2, 1];
            for (var p = 0; p < 3; p++)
                for (var q = 0; q < 3; q++) a[r + p, r + q] += lambda * d[p] * d[q];
        }
        for (var c = 0; c < n; c++)
        {
            for (var r = c + 1; r < n; r++)
            {
                var factor = a[r, c] / a[c, c];
                for (var k = c; k <= n; k++) a[r, k] -= factor * a[c, k];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = a[r, n];
            for (var k = r + 1; k < n; k++) s -= a[r, k] * x[k];
            x[r] = s / a[r, r];
        }
        return x;
    }
}

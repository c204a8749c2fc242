using Monitor.Forecast.Models;

namespace Monitor.Forecast.Tests.Models;

[TestClass]
public sealed class NelderMeadTests
{
    [TestMethod]
    public void Finds_the_minimum_of_the_Rosenbrock_valley()
    {
        static double Rosenbrock(double[] x) => Math.Pow(1 - x[0], 2) + 100 * Math.Pow(x[1] - x[0] * x[0], 2);

        var best = NelderMead.Minimise(Rosenbrock, [-1.2, 1.0], [0.5, 0.5], maxEvaluations: 2000, tolerance: 1e-14);

        Assert.AreEqual(1.0, best[0], 1e-3);
        Assert.AreEqual(1.0, best[1], 1e-3);
    }

    [TestMethod]
    public void Stays_inside_bounds_the_objective_enforces_with_infinity()
    {
        // ETS smoothing parameters live in (0, 1): the unconstrained minimum at 1.5 must give the boundary instead.
        static double Bounded(double[] x) => x[0] is <= 0 or >= 1 ? double.PositiveInfinity : Math.Pow(x[0] - 1.5, 2);

        var best = NelderMead.Minimise(Bounded, [0.3], [0.1]);

        Assert.IsTrue(best[0] is > 0.99 and < 1, $"{best[0]}");
    }

    [TestMethod]
    public void Spends_no_more_evaluations_than_allowed()
    {
        var calls = 0;
        double Count(double[] x)
        {
            calls++;
            return x.Sum(v => v * v);
        }

        NelderMead.Minimise(Count, [5, 5, 5], [1, 1, 1], maxEvaluations: 50, tolerance: 0);

        Assert.IsLessThanOrEqualTo(50 + 3 + 1, calls, "the last step started inside the budget may add at most reflect, contract and a shrink of 3 points");
        Assert.IsGreaterThanOrEqualTo(50, calls, "with no tolerance it uses the whole budget");
    }
}

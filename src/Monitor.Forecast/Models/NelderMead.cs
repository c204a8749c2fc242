namespace Monitor.Forecast.Models;

/// <summary>A small bounded-iteration Nelder–Mead minimiser; bounds are enforced by the objective (it returns +inf outside).</summary>
internal static class NelderMead
{
    public static double[] Minimise(Func<double[], double> objective, double[] start, double[] steps, int maxEvaluations = 400, double tolerance = 1e-8)
    {
        var dims = start.Length;
        var simplex = new double[dims + 1][];
        var values = new double[dims + 1];
        simplex[0] = (double[])start.Clone();
        values[0] = objective(simplex[0]);
        for (var i = 0; i < dims; i++)
        {
            var point = (double[])start.Clone();
            point[i] += steps[i];
            simplex[i + 1] = point;
            values[i + 1] = objective(point);
        }
        var evaluations = dims + 1;
        var order = new int[dims + 1];
        var centroid = new double[dims];
        var trial = new double[dims];
        var trial2 = new double[dims];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= dims; i++) order[i] = i;
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[dims], second = order[dims - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + tolerance)) break;
            Array.Clear(centroid);
            for (var i = 0; i <= dims; i++)
            {
                if (i == worst) continue;
                for (var d = 0; d < dims; d++) centroid[d] += simplex[i][d] / dims;
            }
            for (var d = 0; d < dims; d++) trial[d] = centroid[d] + (centroid[d] - simplex[worst][d]);
            var reflected = objective(trial); evaluations++;
            if (reflected < values[best])
            {
                for (var d = 0; d < dims; d++) trial2[d] = centroid[d] + 2 * (centroid[d] - simplex[worst][d]);
                var expanded = objective(trial2); evaluations++;
                Replace(simplex, values, worst, expanded < reflected ? trial2 : trial, Math.Min(expanded, reflected));
            }
            else if (reflected < values[second])
            {
                Replace(simplex, values, worst, trial, reflected);
            }
            else
            {
                var outside = reflected < values[worst];
                for (var d = 0; d < dims; d++)
                    trial2[d] = outside ? centroid[d] + 0.5 * (trial[d] - centroid[d]) : centroid[d] + 0.5 * (simplex[worst][d] - centroid[d]);
                var contracted = objective(trial2); evaluations++;
                if (contracted < Math.Min(reflected, values[worst]))
                {
                    Replace(simplex, values, worst, trial2, contracted);
                }
                else
                {
                    for (var i = 0; i <= dims; i++)
                    {
                        if (i == best) continue;
                        for (var d = 0; d < dims; d++) simplex[i][d] = simplex[best][d] + 0.5 * (simplex[i][d] - simplex[best][d]);
                        values[i] = objective(simplex[i]); evaluations++;
                    }
                }
            }
        }
        var argBest = 0;
        for (var i = 1; i <= dims; i++) if (values[i] < values[argBest]) argBest = i;
        return simplex[argBest];
    }

    private static void Replace(double[][] simplex, double[] values, int index, double[] point, double value)
    {
        Array.Copy(point, simplex[index], point.Length);
        values[index] = value;
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Monitor.Forecast.Global;

/// <summary>
/// One ML.NET LightGbm regressor trained across all series of a frequency on normalised lag windows; it forecasts
/// every horizon step directly (the step is a feature). Only strictly positive series take part (log ratios).
/// </summary>
public sealed class GlobalLagModel
{
    private readonly MLContext _ml = new(seed: 17);
    private readonly LagFeatures _features;
    private readonly int _seasonLength;
    private readonly int _horizon;
    private readonly GlobalModelSettings _settings;
    private ITransformer? _model;
    private DataViewSchema? _schema;
    private readonly List<GlobalLagModel> _replicas = [];
    private readonly Lock _replicaLock = new();

    public GlobalLagModel(int seasonLength, int horizon, GlobalModelSettings? settings = null)
    {
        _settings = settings ?? new GlobalModelSettings();
        _seasonLength = Math.Max(1, seasonLength);
        _horizon = horizon;
        _features = new LagFeatures(_seasonLength, _settings.WindowLength(_seasonLength));
    }

    public string Name => "lgbm";

    /// <summary>Rows the model was trained on.</summary>
    public int TrainingRows { get; private set; }

    /// <summary>True when a series can be used by the model (enough positive, finite values).</summary>
    public static bool Accepts(double[] y) => y.Length >= 3 && y.All(v => v > 0 && double.IsFinite(v));

    public void Train(IReadOnlyList<SeriesWindow> series)
    {
        var rows = new List<LagRow>();
        foreach (var s in series.Where(s => Accepts(s.Values)))
        {
            var y = s.Values;
            var lastAnchor = y.Length - 2;
            var firstAnchor = Math.Max(1, lastAnchor - _settings.AnchorsPerSeries + 1);
            for (var end = lastAnchor; end >= firstAnchor; end--)
            {
                var level = _features.Level(y, end);
                for (var step = 1; step <= _horizon && end + step < y.Length; step++)
                {
                    var row = new float[_features.Length];
                    _features.Fill(y, end, step, level, s.FirstCyclePosition, row);
                    rows.Add(new LagRow { Features = row, Label = (float)Math.Log(y[end + step] / level) });
                }
            }
        }
        if (rows.Count > _settings.MaxRows) rows = rows.Where((_, i) => (long)i * _settings.MaxRows / rows.Count != (long)(i + 1) * _settings.MaxRows / rows.Count).ToList();
        if (rows.Count < 50) throw new InvalidOperationException($"too little data for the global model ({rows.Count} rows)");
        TrainingRows = rows.Count;
        var data = _ml.Data.LoadFromEnumerable(rows, Schema());
        var trainer = _ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfLeaves = _settings.Leaves,
            NumberOfIterations = _settings.Iterations,
            LearningRate = _settings.LearningRate,
            MinimumExampleCountPerLeaf = _settings.MinimumRowsPerLeaf,
            NumberOfThreads = _settings.Threads,
            Seed = 17,
        });
        _model = trainer.Fit(data);
        _schema = data.Schema;
    }

    /// <summary>
    /// Forecasts each series (null where the series is not accepted), scoring on up to <paramref name="threads"/> threads.
    /// Every row is scored by the same trees whichever thread takes it, so the result does not depend on the thread count.
    /// </summary>
    public double[]?[] Predict(IReadOnlyList<SeriesWindow> series, int threads = 1)
    {
        if (_model is null) throw new InvalidOperationException("the global model is not trained");
        var rows = new List<LagRow>();
        var levels = new double[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            var y = series[i].Values;
            if (!Accepts(y)) continue;
            levels[i] = _features.Level(y, y.Length - 1);
            for (var step = 1; step <= _horizon; step++)
            {
                var row = new float[_features.Length];
                _features.Fill(y, y.Length - 1, step, levels[i], series[i].FirstCyclePosition, row);
                rows.Add(new LagRow { Features = row, Label = 0 });
            }
        }
        var scores = Score(rows, threads);
        var result = new double[]?[series.Count];
        var next = 0;
        for (var i = 0; i < series.Count; i++)
        {
            if (!Accepts(series[i].Values)) continue;
            var forecast = new double[_horizon];
            for (var step = 0; step < _horizon; step++) forecast[step] = levels[i] * Math.Exp(Math.Clamp(scores[next++], -5f, 5f));
            result[i] = forecast;
        }
        return result;
    }

    /// <summary>Below this many rows a second thread costs more than it saves (a replica's load is a few milliseconds).</summary>
    internal const int RowsPerExtraThread = 20_000;

    private float[] Score(List<LagRow> rows, int threads)
    {
        var slices = Math.Clamp(rows.Count / RowsPerExtraThread, 1, Math.Max(1, threads));
        if (slices == 1) return ScoreSlice(this, rows);
        var replicas = Replicas(slices);
        var parts = new float[slices][];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, s =>
        {
            var from = (int)((long)rows.Count * s / slices);
            var to = (int)((long)rows.Count * (s + 1) / slices);
            parts[s] = ScoreSlice(replicas[s], rows.GetRange(from, to - from));
        });
        return parts.SelectMany(p => p).ToArray();
    }

    private static float[] ScoreSlice(GlobalLagModel model, List<LagRow> rows) =>
        rows.Count == 0 ? [] : model._model!.Transform(model._ml.Data.LoadFromEnumerable(rows, model.Schema())).GetColumn<float>("Score").ToArray();

    /// <summary>
    /// This model and copies of it, one per scoring thread. ML.NET promises thread safety for neither its context nor a
    /// transformer shared across threads (dotnet/machinelearning#421), so each thread scores with its own copy, loaded
    /// from this model's zip: the same trees, hence the same scores.
    /// </summary>
    private GlobalLagModel[] Replicas(int count)
    {
        lock (_replicaLock)
        {
            if (_replicas.Count < count - 1)
            {
                var zip = Save();
                while (_replicas.Count < count - 1) _replicas.Add(Load(zip, _seasonLength, _horizon, _settings));
            }
            return [this, .. _replicas.Take(count - 1)];
        }
    }

    /// <summary>A model trained elsewhere (another process of the same run), from its <see cref="Save"/> zip.</summary>
    public static GlobalLagModel Load(byte[] zip, int seasonLength, int horizon, GlobalModelSettings? settings = null)
    {
        var model = new GlobalLagModel(seasonLength, horizon, settings);
        using var stream = new MemoryStream(zip);
        model._model = model._ml.Model.Load(stream, out var schema);
        model._schema = schema;
        return model;
    }

    /// <summary>Writes the trained ML.NET model as a zip (for the model registry).</summary>
    public byte[] Save()
    {
        if (_model is null || _schema is null) throw new InvalidOperationException("the global model is not trained");
        using var stream = new MemoryStream();
        _ml.Model.Save(_model, _schema, stream);
        return stream.ToArray();
    }

    private SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(LagRow));
        schema[nameof(LagRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _features.Length);
        return schema;
    }

    private sealed class LagRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}

/// <summary>A history handed to the global model, with the calendar position of its first value if known (e.g. month − 1).</summary>
public sealed record SeriesWindow(double[] Values, int? FirstCyclePosition = null);

/// <summary>Hyper-parameters of the global model.</summary>
public sealed record GlobalModelSettings
{
    public int Leaves { get; init; } = 15;
    public int Iterations { get; init; } = 150;
    public double LearningRate { get; init; } = 0.07;
    public int MinimumRowsPerLeaf { get; init; } = 40;
    public int AnchorsPerSeries { get; init; } = 32;
    public int MaxRows { get; init; } = 60_000;
    public int Threads { get; init; } = 1;

    /// <summary>Lags seen by the model: two seasons for monthly/quarterly data, 8 years for yearly.</summary>
    public int WindowLength(int seasonLength) => Math.Max(2, (int)Math.Round(WindowFactor * (seasonLength switch { >= 12 => 24, >= 4 => 12, _ => 8 })));

    /// <summary>Multiplies the window length (the short-window member uses 0.5).</summary>
    public double WindowFactor { get; init; } = 1.0;
}

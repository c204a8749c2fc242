using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;

namespace Monitor.Warn.Job;

/// <summary>Everything the warn stage reads: the catalogue, current observations and one-step forecasts per series.</summary>
public sealed record WarnInputs(
    IReadOnlyList<SeriesInfo> Catalogue,
    IReadOnlyDictionary<string, List<Observation>> Observations,
    IReadOnlyDictionary<string, List<OneStepForecast>> OneStepForecasts);

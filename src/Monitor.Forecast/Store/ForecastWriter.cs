namespace Monitor.Forecast.Store;

/// <summary>The forecast stage's model version (rows arrive through shard merges; statements go through Core's <c>Sql</c>).</summary>
internal static class ForecastWriter
{
    public const string ModelVersion = "forecast-1";
}

namespace Monitor.Jobs;

/// <summary>What the job server does on its own; bound from the "Pipeline" section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Ingest sources loaded, in order, on the first start of an empty store; then forecast and warn run.</summary>
    public List<string> FirstStartSources { get; set; } = [];
}

namespace Monitor.Core.Store;

/// <summary>Where the DuckDB store lives and how much memory DuckDB may use; bound from the "Store" section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Path of the DuckDB file, relative to the content root; ":memory:" for a private in-memory store.</summary>
    public string Path { get; set; } = "data/monitor.duckdb";

    /// <summary>DuckDB memory_limit, e.g. "1GB"; keeps large ingests from taking the whole machine.</summary>
    public string MemoryLimit { get; set; } = "1GB";

    /// <summary>DuckDB worker threads; 0 lets DuckDB decide.</summary>
    public int Threads { get; set; }
}

using Monitor.Ingest.Readers.Long;

namespace Monitor.Ingest.Readers;

/// <summary>Every reader the module ships, in one list for the service registration and for tests.</summary>
public static class IngestReaders
{
    public static IEnumerable<IFormatReader> All() =>
    [
        new LongLayoutReader(),
    ];
}

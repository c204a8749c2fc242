using Monitor.Ingest.Readers.ChinaMonthly;
using Monitor.Ingest.Readers.Columnar;
using Monitor.Ingest.Readers.Excel;
using Monitor.Ingest.Readers.Fred;
using Monitor.Ingest.Readers.FredApi;
using Monitor.Ingest.Readers.Long;
using Monitor.Ingest.Readers.Nbs;
using Monitor.Ingest.Readers.Panel;
using Monitor.Ingest.Readers.Sdmx;

namespace Monitor.Ingest.Readers;

/// <summary>Every reader the module ships, in one list for the service registration and for tests.</summary>
public static class IngestReaders
{
    public static IEnumerable<IFormatReader> All() =>
    [
        new LongLayoutReader(),
        new FredReader(quarterly: false),
        new FredReader(quarterly: true),
        new DatePanelReader(),
        new NbsPortalReader(),
        new ChinaIndicatorReader(),
        new ColumnarReader(json: false),
        new ColumnarReader(json: true),
        new ExcelReader(),
        new SdmxReader(),
        new FredApiReader(),
        new NbsQueryReader(),
    ];
}

using Monitor.Core.Store;
using Monitor.Nowcast.Job;

namespace Monitor.Web.Tests.Seeding;

/// <summary>
/// A small nowcast history for the page and API tests: target sample_gdp with a replayed 2025Q3 (outturn 5.3) and 2025Q4,
/// then an update of 2025Q4 (4.89, band 3.0–6.8, from 5.1) whose revisions (+0.01) and three releases add up to the move,
/// and a failed us_gdp run with its reason.
/// </summary>
public static class NowcastSeed
{
    public const string Target = "sample_gdp";
    public const string FailedTarget = "us_gdp";
    public const string FailureReason = "target 'fred_qd:GDPC1' has no values in the store";
    public static readonly DateOnly Q3 = new(2025, 7, 1);
    public static readonly DateOnly Q4 = new(2025, 10, 1);

    /// <summary>Writes the rows; returns the id of the 2025Q4 update.</summary>
    public static long Fill(MonitorStore store)
    {
        var made = new DateTime(2026, 1, 20, 8, 0, 0);
        NowcastRow Row(DateOnly quarter, DateTime info, string kind, double mean, double? previous = null, double? revision = null, double? outturn = null) =>
            new(0, Target, "china_sample:GDP_YOY", quarter, info, DateOnly.FromDateTime(info).AddMonths(-1), made, kind, "ok", mean, 1.0, mean - 1.9, mean + 1.9,
                previous, revision, outturn, kind == "update" ? 12 : null, null);
        var update = Row(Q4, new DateTime(2025, 12, 15), "update", 4.89, previous: 5.1, revision: 0.01) with { Low80 = 3.0, High80 = 6.8, Note = "china_sample:ELEC: stopped publishing" };
        var news = new List<NewsRow>
        {
            new(0, "china_sample:IVA_YOY", "real", new DateOnly(2025, 11, 1), 4.8, 5.4, 0.25, -0.15),
            new(0, "china_sample:RETAIL_YOY", "real", new DateOnly(2025, 11, 1), 3.0, 3.5, 0.1, -0.05),
            new(0, "china_sample:PMI_MFG", "survey", new DateOnly(2025, 11, 1), 49.2, 49.4, 0.1, -0.02),
        };
        var inputs = new List<InputRow>
        {
            new(0, "china_sample:IVA_YOY", "real", new DateOnly(2025, 11, 1), 4.8, new DateTime(2025, 12, 15), "used", null),
            new(0, "china_sample:PMI_MFG", "survey", new DateOnly(2025, 11, 1), 49.2, new DateTime(2025, 11, 30), "used", null),
            new(0, "china_sample:ELEC", "real", new DateOnly(2024, 12, 1), 310.0, new DateTime(2025, 1, 17), "dropped", "stopped publishing"),
        };
        var failed = new NowcastRow(0, FailedTarget, "fred_qd:GDPC1", null, made, null, made, "update", "failed",
            null, null, null, null, null, null, null, null, FailureReason);
        var ids = new NowcastStore(store).Write(
        [
            (Row(Q3, new DateTime(2025, 7, 31), "replay", 5.0, outturn: 5.3), [], []),
            (Row(Q3, new DateTime(2025, 9, 30), "replay", 5.2, outturn: 5.3), [], []),
            (Row(Q4, new DateTime(2025, 10, 31), "replay", 5.0), [], []),
            (Row(Q4, new DateTime(2025, 11, 30), "replay", 5.1), [], []),
            (update, news, inputs),
            (failed, [], []),
        ]);
        return ids[4];
    }
}

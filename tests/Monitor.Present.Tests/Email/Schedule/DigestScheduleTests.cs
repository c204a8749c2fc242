using Monitor.Present.Email.Schedule;

namespace Monitor.Present.Tests.Email.Schedule;

[TestClass]
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DigestSchedule Daily(TimeZoneInfo zone, int hour, int minute) => new(Cadence.Daily, zone, new TimeOnly(hour, minute), DayOfWeek.Monday);

    [TestMethod]
    public void Daily_digest_in_Shanghai_is_due_at_local_eight_which_is_midnight_utc()
    {
        var schedule = Daily(Shanghai, 8, 0);

        var justBefore = schedule.LatestDue(Utc("2026-11-29T23:59:00Z"));
        var justAfter = schedule.LatestDue(Utc("2026-11-30T00:00:00Z"));

        Assert.AreEqual(Utc("2026-11-29T00:00:00Z"), justBefore.End);
        Assert.AreEqual(Utc("2026-11-30T00:00:00Z"), justAfter.End);
        Assert.AreEqual(Utc("2026-11-29T00:00:00Z"), justAfter.Start);
        Assert.AreEqual("2026-11-30T00:00Z", justAfter.Key);
    }

    [TestMethod]
    public void Weekly_digest_in_Shanghai_falls_on_the_local_weekday_even_when_utc_is_still_the_day_before()
    {
        var schedule = new DigestSchedule(Cadence.Weekly, Shanghai, new TimeOnly(7, 0), DayOfWeek.Monday);

        // Monday 2026-11-30 07:00 in Shanghai is Sunday 23:00 UTC.
        var period = schedule.LatestDue(Utc("2026-12-02T12:00:00Z"));

        Assert.AreEqual(Utc("2026-11-29T23:00:00Z"), period.End);
        Assert.AreEqual(Utc("2026-11-22T23:00:00Z"), period.Start);
    }

    [TestMethod]
    public void New_York_spring_forward_moves_a_time_inside_the_gap_to_the_instant_clocks_jump()
    {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist that day.
        var schedule = Daily(NewYork, 2, 30);

        var period = schedule.LatestDue(Utc("2026-03-08T12:00:00Z"));

        Assert.AreEqual(Utc("2026-03-08T07:00:00Z"), period.End, "03:00 EDT, the first valid local time");
        Assert.AreEqual(Utc("2026-03-07T07:30:00Z"), period.Start, "02:30 EST the day before");
        Assert.AreEqual(Utc("2026-03-09T06:30:00Z"), schedule.LatestDue(Utc("2026-03-09T06:30:00Z")).End, "02:30 EDT the next day");
    }

    [TestMethod]
    public void New_York_fall_back_sends_a_repeated_local_time_once_at_its_first_occurrence()
    {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens at 05:30Z and again at 06:30Z.
        var schedule = Daily(NewYork, 1, 30);

        var first = schedule.LatestDue(Utc("2026-11-01T05:31:00Z"));
        var afterSecond = schedule.LatestDue(Utc("2026-11-01T06:45:00Z"));

        Assert.AreEqual(Utc("2026-11-01T05:30:00Z"), first.End);
        Assert.AreEqual(first.Key, afterSecond.Key, "the second 01:30 is not a new digest period");
        Assert.AreEqual(Utc("2026-10-31T05:30:00Z"), first.Start);
        Assert.AreEqual(Utc("2026-11-02T06:30:00Z"), schedule.LatestDue(Utc("2026-11-02T07:00:00Z")).End, "01:30 EST the next day");
    }

    [TestMethod]
    public void New_York_daily_period_spanning_the_spring_transition_is_23_hours_and_the_autumn_one_25()
    {
        var schedule = Daily(NewYork, 8, 0);

        var spring = schedule.LatestDue(Utc("2026-03-08T12:30:00Z"));
        var autumn = schedule.LatestDue(Utc("2026-11-01T13:30:00Z"));

        Assert.AreEqual(TimeSpan.FromHours(23), spring.End - spring.Start);
        Assert.AreEqual(Utc("2026-03-08T12:00:00Z"), spring.End);
        Assert.AreEqual(TimeSpan.FromHours(25), autumn.End - autumn.Start);
        Assert.AreEqual(Utc("2026-11-01T13:00:00Z"), autumn.End);
    }

    [TestMethod]
    public void London_spring_forward_gap_at_one_thirty_fires_when_clocks_reach_two_BST()
    {
        // 2026-03-29: 01:00 GMT jumps to 02:00 BST.
        var schedule = Daily(London, 1, 30);

        var period = schedule.LatestDue(Utc("2026-03-29T01:00:00Z"));

        Assert.AreEqual(Utc("2026-03-29T01:00:00Z"), period.End);
        Assert.AreEqual(Utc("2026-03-28T01:30:00Z"), period.Start);
        Assert.AreEqual(Utc("2026-03-28T01:30:00Z"), schedule.LatestDue(Utc("2026-03-29T00:59:00Z")).End, "not due before the jump");
    }

    [TestMethod]
    public void London_fall_back_overlap_fires_once_at_the_BST_occurrence()
    {
        // 2026-10-25: 02:00 BST falls back to 01:00 GMT; 01:30 happens at 00:30Z and 01:30Z.
        var schedule = Daily(London, 1, 30);

        var first = schedule.LatestDue(Utc("2026-10-25T00:30:00Z"));
        var later = schedule.LatestDue(Utc("2026-10-25T01:45:00Z"));

        Assert.AreEqual(Utc("2026-10-25T00:30:00Z"), first.End);
        Assert.AreEqual(first, later);
        Assert.AreEqual(Utc("2026-10-26T01:30:00Z"), schedule.LatestDue(Utc("2026-10-26T01:30:00Z")).End);
    }

    [TestMethod]
    public void Immediate_digests_use_n_minute_periods_whatever_the_zone()
    {
        var schedule = new DigestSchedule(Cadence.Immediate, NewYork, new TimeOnly(8, 0), DayOfWeek.Monday, ImmediateMinutes: 15);

        var period = schedule.LatestDue(Utc("2026-03-08T07:07:30Z"));

        Assert.AreEqual(Utc("2026-03-08T07:00:00Z"), period.End);
        Assert.AreEqual(Utc("2026-03-08T06:45:00Z"), period.Start);
    }
}

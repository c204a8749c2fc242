using Monitor.Core.Domain;
using Monitor.Warn.Alerts;

namespace Monitor.Warn.Tests.Alerts;

[TestClass]
public sealed class AlertRuleTests
{
    private static readonly DateOnly Start = new(2020, 1, 1);
    private static readonly LightAlertRule Rule = new(new AlertPolicy());

    private static List<(DateOnly, int)> Lights(params int[] points) => points.Select((p, i) => (Start.AddMonths(i), p)).ToList();

    private static AlertCondition Red(params int[] points) => Rule.Evaluate("s", "IP", "工业", Lights(points)).Single(c => c.Rule == AlertRules.LightRed);

    [TestMethod]
    public void One_red_month_does_not_open_an_alert_two_of_three_do()
    {
        Assert.IsFalse(Red(3, 3, 5).Active, "anti-flap: one red month is not enough");
        Assert.IsTrue(Red(3, 5, 4, 5).Active);
    }

    [TestMethod]
    public void An_open_red_alert_holds_through_yellow_and_resolves_only_at_green()
    {
        Assert.IsTrue(Red(5, 5, 4).Active, "hysteresis: yellow is not back inside the band");
        Assert.IsFalse(Red(5, 5, 4, 3).Active);
    }

    [TestMethod]
    public void A_long_red_spell_is_critical()
    {
        Assert.AreEqual(AlertRules.Critical, Red(5, 5, 5, 5, 5, 5).Severity);
        Assert.AreEqual(AlertRules.Warning, Red(5, 5).Severity);
    }

    [TestMethod]
    public void A_jump_of_two_zones_raises_a_jump_alert_with_bilingual_text()
    {
        var jump = Rule.Evaluate("s", "IP", "工业", Lights(3, 3, 1)).Single(c => c.Rule == AlertRules.LightJump);
        Assert.IsTrue(jump.Active);
        StringAssert.Contains(jump.Title, "green to blue");
        StringAssert.Contains(jump.TitleZh, "正常跳至过冷");
    }

    [TestMethod]
    public void A_late_release_is_an_explicit_no_data_condition()
    {
        var rules = new EventAlertRules(new AlertPolicy());
        var late = rules.NoData("s", "IP", "工业", Frequency.Monthly, new DateOnly(2024, 1, 1), new DateTime(2024, 6, 1));
        var onTime = rules.NoData("s", "IP", "工业", Frequency.Monthly, new DateOnly(2024, 1, 1), new DateTime(2024, 3, 15));
        Assert.IsTrue(late.Active);
        Assert.IsFalse(onTime.Active);
        Assert.AreEqual(new DateOnly(2024, 2, 1), late.Period);
    }

    [TestMethod]
    public void Lifecycle_opens_escalates_resolves_and_reopens_under_one_key()
    {
        var now = new DateTime(2024, 1, 1);
        var active = new AlertCondition("k", "r", "s", Start, true, AlertRules.Warning, null, "t", "t", "m", "m");
        Assert.AreEqual("opened", AlertLifecycle.Decide(null, active, now)!.Event);
        Assert.IsNull(AlertLifecycle.Decide(null, active with { Active = false }, now));
        var open = new AlertState(1, "k", AlertLifecycle.Acknowledged, AlertRules.Warning, Start, "t", "m", null);
        Assert.IsNull(AlertLifecycle.Decide(open, active, now), "same condition, nothing to say");
        var escalated = AlertLifecycle.Decide(open, active with { Severity = AlertRules.Critical }, now)!;
        Assert.AreEqual("escalated", escalated.Event);
        Assert.AreEqual(AlertLifecycle.Open, escalated.State);
        Assert.AreEqual("resolved", AlertLifecycle.Decide(open, active with { Active = false }, now)!.Event);
        Assert.AreEqual("reopened", AlertLifecycle.Decide(open with { State = AlertLifecycle.Resolved }, active, now)!.Event);
    }

    [TestMethod]
    public void A_muted_alert_stays_muted_while_the_condition_holds()
    {
        var now = new DateTime(2024, 1, 1);
        var muted = new AlertState(1, "k", AlertLifecycle.Muted, AlertRules.Warning, Start, "t", "m", now.AddDays(7));
        var active = new AlertCondition("k", "r", "s", Start.AddMonths(1), true, AlertRules.Warning, null, "t", "t", "m", "m");
        Assert.AreEqual(AlertLifecycle.Muted, AlertLifecycle.Decide(muted, active, now)!.State);
        Assert.AreEqual(AlertLifecycle.Open, AlertLifecycle.Decide(muted, active, now.AddDays(8))!.State);
    }
}

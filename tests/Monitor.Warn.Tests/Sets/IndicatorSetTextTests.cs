using Monitor.Warn.Sets;

namespace Monitor.Warn.Tests.Sets;

[TestClass]
public sealed class IndicatorSetTextTests
{
    [TestMethod]
    public void Formatted_members_parse_back_to_the_same_members()
    {
        var members = DefaultIndicatorSets.All.Single(s => s.Code == "us").Members;

        var (parsed, problems) = IndicatorSetText.Parse(IndicatorSetText.Format(members));

        Assert.IsEmpty(problems);
        Assert.HasCount(members.Count, parsed);
        for (var i = 0; i < members.Count; i++)
        {
            Assert.AreEqual(members[i].SeriesId, parsed[i].SeriesId);
            Assert.AreEqual(members[i].Theme, parsed[i].Theme);
            Assert.AreEqual(members[i].Weight, parsed[i].Weight);
            Assert.AreEqual(members[i].CounterCyclical, parsed[i].CounterCyclical);
        }
    }

    [TestMethod]
    public void English_themes_defaults_comments_and_family_are_read()
    {
        var (parsed, problems) = IndicatorSetText.Parse("# the set\r\nfred_md:PAYEMS, Employment\n\nfred_md:CLAIMSx, 就业, 0.5, counter, CLAIMS");

        Assert.IsEmpty(problems);
        Assert.AreEqual(Themes.Employment, parsed[0].Theme);
        Assert.AreEqual(1.0, parsed[0].Weight);
        Assert.IsTrue(parsed[1].CounterCyclical);
        Assert.AreEqual("CLAIMS", parsed[1].Family);
    }

    [TestMethod]
    public void Each_problem_names_the_text_line_and_the_field()
    {
        var (parsed, problems) = IndicatorSetText.Parse("a:x, 生产\n\na:y, 价格, -1\na:x, 需求\na:z\na:w, 价格, 1, up\na:v, 价格, 1, , f, extra");

        CollectionAssert.AreEqual(new[]
        {
            "line 3: weight: must be a positive number",
            "line 4: series: a:x is listed twice",
            "line 5: theme: missing",
            "line 6: direction: 'up' is not 'counter' (or empty)",
            "line 7: fields: 6 given, at most 5 (series_id, theme, weight, counter, family)",
        }, problems);
        Assert.HasCount(1, parsed);
    }

    [TestMethod]
    public void An_empty_text_is_a_set_without_indicators()
    {
        Assert.AreEqual("members: the set has no indicator", IndicatorSetText.Parse(" \n# nothing").Problems.Single());
    }
}

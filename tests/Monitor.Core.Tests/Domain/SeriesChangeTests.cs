using Monitor.Core.Domain;

namespace Monitor.Core.Tests.Domain;

/// <summary>Rates and index-type series change in percentage points, levels in per cent.</summary>
[TestClass]
public sealed class SeriesChangeTests
{
    [TestMethod]
    [DataRow("GDP_YOY", "GDP, YoY", "地区生产总值同比增长", "%")]
    [DataRow("UNRATE", "Civilian unemployment rate", null, "Percent")]
    [DataRow("PMI_MFG", "Manufacturing PMI", "制造业采购经理指数", "%")]
    [DataRow("CPI_IDX", "CPI (previous year=100)", "居民消费价格指数(上年同月=100)", null)]
    [DataRow("RETAIL_YOY", "Retail sales", "社会消费品零售总额同比", "")]
    public void RatesAndIndexTypeSeriesChangeInPoints(string code, string name, string? nameZh, string? unit) =>
        Assert.IsTrue(SeriesChange.InPoints(code, name, nameZh, unit));

    [TestMethod]
    [DataRow("GDP", "Gross domestic product", "国内生产总值", "亿元")]
    [DataRow("INDPRO", "Industrial production index", null, "Index 2017=100")]
    public void LevelsChangeInPerCent(string code, string name, string? nameZh, string? unit) =>
        Assert.IsFalse(SeriesChange.InPoints(code, name, nameZh, unit));

    [TestMethod]
    public void GdpGrowthFallingFrom5Point3To5IsMinus0Point3Points()
    {
        var change = SeriesChange.Between(5.3, 5.0, SeriesChange.InPoints("GDP_YOY", "GDP, YoY", null, "%"))!.Value;

        Assert.AreEqual(-0.3, change.Value, 1e-9);
        Assert.AreEqual("-0.3 pp", change.Format());
        Assert.AreEqual("-0.3 个百分点", change.Format("zh"));
    }

    [TestMethod]
    public void ALevelChangesInPerCentOfItsEarlierValue()
    {
        var change = SeriesChange.Between(200, 210, inPoints: false)!.Value;

        Assert.AreEqual(5.0, change.Value, 1e-9);
        Assert.AreEqual("+5.0 %", change.Format());
    }

    [TestMethod]
    public void AMissingReadingOrANonPositiveLevelHasNoChange()
    {
        Assert.IsNull(SeriesChange.Between(null, 1, inPoints: true));
        Assert.IsNull(SeriesChange.Between(0, 1, inPoints: false));
        Assert.IsNull(SeriesChange.Between(-2, 1, inPoints: false));
        Assert.AreEqual(3.0, SeriesChange.Between(-2, 1, inPoints: true)!.Value.Value, 1e-9);
    }
}

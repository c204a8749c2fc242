using Monitor.Forecast.Backtest;
using Monitor.Testing;

namespace Monitor.Forecast.Tests.Backtest;

[TestClass]
public sealed class McompReaderTests
{
    [TestMethod]
    public void A_bad_value_names_the_file_line_and_field()
    {
        var folder = TempFolder.Create();
        try
        {
            var path = Path.Combine(folder, "bad.csv");
            File.WriteAllLines(path, ["series_id,source,category,frequency,horizon,split,t,value", "A,M3,MACRO,Y,6,train,1,5", "A,M3,MACRO,Y,6,train,2,five"]);
            var error = Assert.ThrowsExactly<FormatException>(() => McompReader.Read(path));
            StringAssert.Contains(error.Message, "bad.csv:3: value: 'five'");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public void Splits_are_ordered_by_t_whatever_the_row_order()
    {
        var folder = TempFolder.Create();
        try
        {
            var path = Path.Combine(folder, "ok.csv");
            File.WriteAllLines(path, ["series_id,source,category,frequency,horizon,split,t,value", "A,M4,MACRO,Q,8,train,2,20", "A,M4,MACRO,Q,8,train,1,10", "A,M4,MACRO,Q,8,test,1,30"]);
            var series = McompReader.Read(path).Single();
            CollectionAssert.AreEqual(new[] { 10.0, 20.0 }, series.Train);
            Assert.AreEqual(4, series.SeasonLength);
            Assert.AreEqual(8, series.Horizon);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}

using Monitor.Core.Scale;

namespace Monitor.Core.Tests.Scale;

/// <summary>Shard files give every double back bit for bit, so a result does not depend on how the series were split.</summary>
[TestClass]
public sealed class ShardParquetTests
{
    [TestMethod]
    public void A_negative_zero_after_a_zero_and_any_NaN_come_back_bit_for_bit()
    {
        // enough repeated values that a Parquet writer would reach for a dictionary, where 0.0 and -0.0 share an entry
        var otherNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000001);
        var values = Enumerable.Range(0, 20_000).Select(i => (i % 7) switch { 0 => 0.0, 1 => -0.0, 2 => double.NaN, 3 => otherNaN, _ => i % 5 }).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"shard-parquet-{Guid.NewGuid():N}.parquet");
        try
        {
            ShardParquet.Write(path, "v DOUBLE", appender =>
            {
                foreach (var v in values) appender.CreateRow().AppendValue(v).EndRow();
            });
            var read = new List<long>();
            ShardParquet.Read(path, "SELECT v FROM rows", r => read.Add(BitConverter.DoubleToInt64Bits(r.GetDouble(0))));

            CollectionAssert.AreEqual(values.Select(BitConverter.DoubleToInt64Bits).ToList(), read);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Ingest;
using Monitor.Testing;

namespace Monitor.Enterprises.Tests.Codes;

[TestClass]
public sealed class CreditCodeTests
{
    // Published codes: the worked example printed in GB 32100-2015 and the codes on the business licences that four
    // companies publish (Alibaba (China), Shenzhen Tencent Computer Systems, Huawei Technologies, Beijing Baidu Netcom).
    public static readonly string[] Published =
        ["91350100M000100Y43", "91330100716105852F", "91440300708461136T", "914403001922038216", "91110108551385082Q"];

    [TestMethod]
    public void PublishedCodesPass()
    {
        foreach (var code in Published) Assert.IsTrue(CreditCode.IsValid(code), code);
    }

    [TestMethod]
    public void AnyChangedCheckCharacterFails()
    {
        foreach (var code in Published)
            foreach (var other in CreditCode.Alphabet.Where(c => c != code[17]))
                Assert.IsFalse(CreditCode.IsValid(code[..17] + other), code[..17] + other);
    }

    [TestMethod]
    public void WrongLengthAndLettersOutsideTheAlphabetFail()
    {
        Assert.IsFalse(CreditCode.IsValid("91350100M000100Y4"));
        Assert.IsFalse(CreditCode.IsValid("91350100M000100Y430"));
        Assert.IsFalse(CreditCode.IsValid("91350100I000100Y43"));
        StringAssert.Contains(PanelExplainer.IdProblem("91350100M000100Y44"), "GB 32100-2015 gives '3'");
    }

    [TestMethod]
    public void SqlMacroAgreesWithTheCSharpRule()
    {
        using var store = TestStore.InMemory();
        using var connection = store.Store.Open();
        PanelChecks.Prepare(connection);
        var samples = Published.Concat(Published.Select(c => c[..17] + (c[17] == 'A' ? 'B' : 'A'))).Append("short").Append("91350100O000100Y43");
        foreach (var code in samples)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT enterprise_uscc_ok($1)";
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(code));
            Assert.AreEqual(CreditCode.IsValid(code), command.ExecuteScalar(), code);
        }
    }

    [TestMethod]
    public void CodeListsHoldProvincesCitiesCountiesAndIndustryDivisions()
    {
        var codes = CodeLists.Shipped;
        Assert.AreEqual(31, codes.Regions.Count(r => r.Level == "province"));
        Assert.IsTrue(codes.Regions.Count(r => r.Level == "county") > 2800);
        Assert.AreEqual("北京市", codes.RegionName("11"));
        Assert.AreEqual("东城区", codes.RegionName("110101"));
        Assert.AreEqual(20, codes.Industries.Count(i => i.Level == "section"));
        Assert.AreEqual(97, codes.Industries.Count(i => i.Level == "division"));
        Assert.AreEqual("农副食品加工业", codes.IndustryName("C13"));
    }
}

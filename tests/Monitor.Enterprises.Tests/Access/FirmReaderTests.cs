using Monitor.Core.Audit;
using Monitor.Enterprises.Access;

namespace Monitor.Enterprises.Tests.Access;

[TestClass]
public sealed class FirmReaderTests
{
    private static SampleFixture _sample = null!;
    private static FirmReader _reader = null!;
    private static AuditLog _audit = null!;

    [ClassInitialize]
    public static void Grant(TestContext _)
    {
        _sample = SampleFixture.Instance;
        var scopes = new EnterpriseScopes(_sample.Store.Store, TimeProvider.System);
        scopes.Grant("beijing", "11", "admin");
        scopes.Grant("shenzhen", "4403", "admin");
        _audit = new AuditLog(_sample.Store.Store, TimeProvider.System);
        _reader = new FirmReader(_sample.Store.Store, scopes, _audit);
    }

    [TestMethod]
    public void ScopedUserSeesOnlyFirmsOfTheScope()
    {
        var rows = _reader.Rows(new AuditActor("beijing", "cookie"), "test", new FirmFilter(Indicator: "output", Period: new DateOnly(2025, 6, 1), Limit: 10_000));
        Assert.IsNotEmpty(rows);
        Assert.IsTrue(rows.All(r => r.RegionCode.StartsWith("11", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AskingForAnotherProvinceReturnsNothing()
    {
        var guangdong = _reader.Rows(new AuditActor("beijing", "cookie"), "test", new FirmFilter(Region: "44"));
        Assert.IsEmpty(guangdong);
        var firm = FirmIn("44");
        Assert.IsEmpty(_reader.Rows(new AuditActor("beijing", "cookie"), "test", new FirmFilter(EnterpriseId: firm)));
        Assert.IsEmpty(_reader.Warnings(new AuditActor("beijing", "cookie"), "test", new FirmFilter(EnterpriseId: firm)));
    }

    [TestMethod]
    public void CityScopeIsNarrowerThanItsProvince()
    {
        var rows = _reader.Rows(new AuditActor("shenzhen", "cookie"), "test", new FirmFilter(Region: "44", Limit: 100_000));
        Assert.IsTrue(rows.All(r => r.RegionCode.StartsWith("4403", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void UserWithoutScopeIsRefusedAndTheRefusalIsAudited()
    {
        Assert.ThrowsExactly<FirmAccessDeniedException>(() => _reader.Rows(new AuditActor("planner-x", "cookie"), "GET /api/v1/enterprises/firms", new FirmFilter(Region: "11")));
        var row = _audit.Read(new AuditFilter(Actor: "planner-x")).Rows.Single();
        Assert.AreEqual((AuditActions.EnterpriseRead, AuditOutcome.Denied, "GET /api/v1/enterprises/firms"), (row.Action, row.Outcome, row.Target));
        StringAssert.Contains(row.Parameters, "region=11");
    }

    [TestMethod]
    public void EveryReadLeavesAnAuditRowWithItsRowCount()
    {
        var rows = _reader.Rows(new AuditActor("beijing", "api-key:7"), "enterprise-firms", new FirmFilter(Indicator: "revenue", Period: new DateOnly(2025, 1, 1)));
        var row = _audit.Read(new AuditFilter(Actor: "beijing")).Rows.First(r => r.Target == "enterprise-firms");
        Assert.AreEqual((AuditOutcome.Success, (long?)rows.Count, "api-key:7"), (row.Outcome, row.Rows, row.Via));
    }

    [TestMethod]
    public void ScopesMustBeKnownProvincesOrCities()
    {
        Assert.IsNotNull(EnterpriseScopes.ScopeProblem("99"));
        Assert.IsNotNull(EnterpriseScopes.ScopeProblem("110101"));
        Assert.IsNull(EnterpriseScopes.ScopeProblem("4403"));
    }

    private static string FirmIn(string province)
    {
        using var connection = _sample.Store.Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT min(enterprise_id) FROM enterprise_current WHERE starts_with(region_code, '{province}')";
        return (string)command.ExecuteScalar()!;
    }
}

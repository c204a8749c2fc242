using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Core.Tests.Store;

/// <summary>The one data-access helper: positional parameters in order, null as SQL NULL, empty results as 0 / none.</summary>
[TestClass]
public sealed class SqlTests
{
    [TestMethod]
    public void Parameters_bind_in_order_and_null_is_sql_null()
    {
        using var test = TestStore.InMemory();
        using var connection = test.Store.Open();
        Sql.Execute(connection, null, "CREATE TEMP TABLE t (a VARCHAR, b INTEGER, c VARCHAR)");

        Assert.AreEqual(1, Sql.Execute(connection, null, "INSERT INTO t VALUES ($1, $2, $3)", "x", 2, null));

        var rows = Sql.Rows(connection, "SELECT a, b, c FROM t WHERE b = $1", r => (r.GetString(0), r.Count(1), r.Text(2)), 2);
        Assert.AreEqual(("x", 2L, (string?)null), rows.Single());
        Assert.IsNull(Sql.Scalar(connection, null, "SELECT c FROM t"));
    }

    [TestMethod]
    public void Long_is_zero_without_a_row_and_counts_inside_a_transaction()
    {
        using var test = TestStore.InMemory();
        using var connection = test.Store.Open();
        Sql.Execute(connection, null, "CREATE TEMP TABLE t (n BIGINT)");

        Assert.AreEqual(0L, Sql.Long(connection, null, "SELECT n FROM t"));
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, transaction, "INSERT INTO t VALUES ($1), ($2)", 40L, 2L);
        Assert.AreEqual(42L, Sql.Long(connection, transaction, "SELECT sum(n) FROM t"));
    }

    [TestMethod]
    public void Placeholders_number_after_the_parameters_before_them()
    {
        Assert.AreEqual("$3, $4, $5", Sql.Placeholders(3, before: 2));
        Assert.AreEqual("NULL", Sql.Placeholders(0), "an empty IN list matches nothing rather than failing to parse");
    }
}

using System.Data;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Store;

/// <summary>
/// The DuckDB store every stage reads from and writes to. One process owns the file; each caller opens its own
/// connection (connections are not shared across threads) and all of them share the one in-process database.
/// The file is opened (and the schema applied) on first use, so composing services never touches it.
/// </summary>
public sealed class MonitorStore : IDisposable
{
    private readonly string _connectionString;
    private readonly Lazy<DuckDBConnection> _keepAlive;

    public MonitorStore(IOptions<StoreOptions> options, IEnumerable<SchemaScript> scripts)
        : this(options.Value, scripts)
    {
    }

    public MonitorStore(StoreOptions options, IEnumerable<SchemaScript>? scripts = null)
    {
        DatabasePath = ResolvePath(options.Path);
        MemoryLimit = options.MemoryLimit;
        // An in-memory store is private to this instance; its connections are duplicates of the first one.
        _connectionString = DatabasePath == ":memory:" ? "Data Source=:memory:" : $"Data Source={DatabasePath}";
        // Every store has the audit log (any stage or verb may write to it) and the sharded-run tables (every stage runs through them).
        var allScripts = CoreSchema.Scripts.Concat(Audit.AuditSchema.Scripts).Concat(Scale.ScaleSchema.Scripts).Concat(scripts ?? []).ToList();
        _keepAlive = new Lazy<DuckDBConnection>(() =>
        {
            var connection = OpenFirstConnection(options);
            SchemaMigrator.Apply(connection, allScripts);
            return connection;
        });
    }

    /// <summary>The configured DuckDB memory limit ("1GB"), also for side databases such as a shard's.</summary>
    public string MemoryLimit { get; }

    /// <summary>The absolute path of the DuckDB file, or ":memory:".</summary>
    public string DatabasePath { get; }

    /// <summary>Opens the database now (a host calls this at start-up to fail early with a clear reason).</summary>
    public void EnsureOpen() => _ = _keepAlive.Value;

    /// <summary>Opens a new connection to the shared database; the caller disposes it.</summary>
    public DuckDBConnection Open()
    {
        var first = _keepAlive.Value;
        var connection = DatabasePath == ":memory:" ? first.Duplicate() : new DuckDBConnection(_connectionString);
        if (connection.State != ConnectionState.Open) connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands or none of it does.</summary>
    public T InTransaction<T>(Func<DuckDBConnection, DuckDBTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Next value of a named DuckDB sequence (created by the schema scripts).</summary>
    public static long NextId(DuckDBConnection connection, string sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT nextval('{SqlIdentifier.Check(sequence)}')";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (_keepAlive.IsValueCreated) _keepAlive.Value.Dispose();
    }

    private DuckDBConnection OpenFirstConnection(StoreOptions options)
    {
        if (DatabasePath != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }

        DuckDBConnection? connection = null;
        try
        {
            connection = new DuckDBConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SET memory_limit = '{SqlIdentifier.CheckSize(options.MemoryLimit)}'";
            command.ExecuteNonQuery();
            if (options.Threads > 0)
            {
                command.CommandText = $"SET threads = {options.Threads}";
                command.ExecuteNonQuery();
            }
            return connection;
        }
        catch (DuckDBException ex)
        {
            connection?.Dispose();
            throw new StoreUnavailableException(DescribeOpenFailure(ex), ex);
        }
    }

    private string DescribeOpenFailure(DuckDBException ex)
    {
        var text = ex.Message;
        if (text.Contains("lock", StringComparison.OrdinalIgnoreCase))
            return $"store {DatabasePath} is held by another process (is the Monitor web host running? run the command through it, or stop it first): {FirstLine(text)}";
        return $"store {DatabasePath} cannot be opened: {FirstLine(text)}";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static string ResolvePath(string path) =>
        string.IsNullOrWhiteSpace(path) || path == ":memory:" ? ":memory:" : Configuration.MonitorPaths.Resolve(path);
}

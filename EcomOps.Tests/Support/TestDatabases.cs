using System.Collections.Concurrent;
using EcomOps.Domain.Data;
using Npgsql;

namespace EcomOps.Tests.Support;

/// <summary>
/// Which engine a test's database is on. SQLite (a file in the test's folder) unless the run says otherwise:
/// <c>ECOMOPS_TEST_DATABASE=postgres</c> puts every harness on PostgreSQL, at the server <c>ECOMOPS_TEST_POSTGRES</c> names
/// (a connection string without a database, e.g. <c>Host=127.0.0.1;Port=55432;Username=ecomops</c>). Tests of PostgreSQL
/// itself ask for it directly (<see cref="PostgresServer"/>). Each PostgreSQL harness gets a database of its own,
/// copied from a migrated template (PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>), and dropped at the end.
/// </summary>
public static class TestDatabases
{
    public static DatabaseProvider Default { get; } =
        Environment.GetEnvironmentVariable("ECOMOPS_TEST_DATABASE")?.Trim().ToLowerInvariant() is "postgres" or "postgresql"
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;
}

/// <summary>The PostgreSQL server of the test run (see <see cref="TestDatabases"/>).</summary>
public static class PostgresServer
{
    /// <summary>The server's connection string without a database, or null when this run has none.</summary>
    public static string? Server { get; } = Environment.GetEnvironmentVariable("ECOMOPS_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>
    /// The server, or the reason the test cannot run. CI always has one (`.ci/run` starts it): there a missing server
    /// fails the test rather than skipping it, so the PostgreSQL tests cannot pass by not running.
    /// </summary>
    public static string Require()
    {
        if (Server is not null)
        {
            return Server;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException("ECOMOPS_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it.");
        }
        Skip.If(true, "No PostgreSQL server for this run: set ECOMOPS_TEST_POSTGRES (see README, Tests).");
        return "";
    }

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Templates = new();
    private static readonly SemaphoreSlim Copying = new(1, 1);

    /// <summary>
    /// A new database copied from the template named <paramref name="template"/>, which <paramref name="prepare"/> fills
    /// once per run (on its connection string) the first time it is asked for.
    /// </summary>
    public static async Task<string> CreateFromTemplateAsync(string template, Func<string, Task> prepare)
    {
        var server = Require();
        // One template per build of the migrations: a run never starts from an older run's schema.
        var name = $"ecomops_{template}_{TemplateStamp}".ToLowerInvariant();
        await Templates.GetOrAdd(name, n => new Lazy<Task>(() => PrepareTemplateAsync(server, n, prepare))).Value;
        var database = $"ecomops_t_{Guid.NewGuid():N}";
        // PostgreSQL copies a template only while no one else uses it, another copy included: one copy at a time.
        await Copying.WaitAsync();
        try
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{name}\"");
        }
        finally
        {
            Copying.Release();
        }
        return With(server, database);
    }

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Require(), $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static readonly string TemplateStamp =
        File.GetLastWriteTimeUtc(typeof(OpsDb).Assembly.Location).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task PrepareTemplateAsync(string server, string name, Func<string, Task> prepare)
    {
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connection = With(server, name);
        await prepare(connection);
        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The server's connection string on <paramref name="database"/>; at most 20 connections each, so that tests running side by side stay within the server's limit.</summary>
    public static string With(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, IncludeErrorDetail = true, MaxPoolSize = 20 }.ConnectionString;

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>Which database engine the console's data lives in.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one SQLite file beside the console, one server.</summary>
    Sqlite,

    /// <summary>The cluster's shared database: several console servers on one PostgreSQL database.</summary>
    PostgreSql,
}

/// <summary>The database the console opens: its engine and its connection string (configuration <c>Database:Provider</c> and <c>ConnectionStrings:Ops</c>).</summary>
public sealed record OpsDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static OpsDatabase Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, connectionString);

    public static OpsDatabase PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>
    /// Reads the configured engine ("Sqlite" when unset; "PostgreSql" or "Postgres" for the cluster). A value that names
    /// neither is refused with the setting to fix, so a server never starts on an engine nobody asked for.
    /// </summary>
    public static OpsDatabase From(string? provider, string? connectionString, string sqliteDefault)
    {
        var engine = provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
            _ => throw new DatabaseSettingException(
                $"Database:Provider is \"{provider}\": it must be \"Sqlite\" (the embedded default) or \"PostgreSql\" (the cluster)."),
        };
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return engine == DatabaseProvider.Sqlite
                ? Sqlite(sqliteDefault)
                : throw new DatabaseSettingException(
                    "Database:Provider is PostgreSql but ConnectionStrings:Ops is empty: set it to the PostgreSQL database, for example \"Host=127.0.0.1;Port=5432;Database=ecomops;Username=ecomops;Password=…\".");
        }
        return new OpsDatabase(engine, connectionString);
    }
}

/// <summary>A database setting that cannot work; the message names the setting and what to put there.</summary>
public sealed class DatabaseSettingException(string message) : Exception(message);

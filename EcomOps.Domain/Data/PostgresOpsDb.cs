using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>
/// The console's database on PostgreSQL, for its migrations: the same model as <see cref="OpsDb"/>, under a type of its
/// own so that PostgreSQL's migrations (Data/Migrations/Postgres) stand apart from SQLite's. Only migrating uses it; the
/// console's operations run on <see cref="OpsDb"/> whatever the engine.
/// </summary>
public sealed class PostgresOpsDb(DbContextOptions<PostgresOpsDb> options) : OpsDb(options)
{
    /// <summary>Where <c>dotnet ef migrations add Name --context PostgresOpsDb --output-dir Data/Migrations/Postgres</c> points its model (adding a migration opens no connection).</summary>
    public const string DesignTimeConnection = "Host=127.0.0.1;Database=ecomops";

    public static PostgresOpsDb On(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresOpsDb>().UseNpgsql(connectionString).Options);
}

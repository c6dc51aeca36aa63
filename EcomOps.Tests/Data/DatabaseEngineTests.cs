using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcomOps.Tests.Data;

public sealed class DatabaseEngineTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSql", DatabaseProvider.PostgreSql)]
    [InlineData("postgres", DatabaseProvider.PostgreSql)]
    public void The_configured_provider_names_the_engine_and_sqlite_is_the_default(string? provider, DatabaseProvider expected)
    {
        Assert.Equal(expected, OpsDatabase.From(provider, "Host=db;Database=ecomops", "Data Source=x.db").Provider);
    }

    [Fact]
    public void A_provider_nobody_supports_or_postgres_without_a_connection_string_is_refused_with_the_setting_to_fix()
    {
        var unknown = Assert.Throws<DatabaseSettingException>(() => OpsDatabase.From("Oracle", "x", "Data Source=x.db"));
        Assert.Contains("Database:Provider", unknown.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<DatabaseSettingException>(() => OpsDatabase.From("PostgreSql", " ", "Data Source=x.db"));
        Assert.Contains("ConnectionStrings:Ops", empty.Message, StringComparison.Ordinal);
        Assert.Equal("Data Source=x.db", OpsDatabase.From(null, null, "Data Source=x.db").ConnectionString);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_stops_migrating_with_a_message_naming_the_server_and_setting_and_never_the_password()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // Port 9 (discard) on loopback: nothing listens there.
        services.AddOpsDomain(_ => OpsDatabase.PostgreSql("Host=127.0.0.1;Port=9;Database=ecomops;Username=ops;Password=s3cret-pw;Timeout=3"));
        await using var provider = services.BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<DatabaseSettingException>(() => OpsDbSetup.MigrateAsync(provider.GetRequiredService<IDbContextFactory<OpsDb>>()));

        Assert.Contains("127.0.0.1:9", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Ops", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>What the demo makes, table by table: the same on both engines, since it is drawn from one fixed seed.</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(DomainHarness harness)
    {
        await using var db = harness.NewDb();
        return new Dictionary<string, int>
        {
            ["employees"] = await db.Employees.CountAsync(),
            ["orders"] = await db.Orders.CountAsync(),
            ["order lines"] = await db.Set<EcomOps.Domain.Orders.OrderLine>().CountAsync(),
            ["stock movements"] = await db.Set<EcomOps.Domain.Inventory.StockMovement>().CountAsync(),
            ["tickets"] = await db.Tickets.CountAsync(),
            ["listings"] = await db.Set<EcomOps.Domain.Catalog.Listing>().CountAsync(),
            ["campaigns"] = await db.Campaigns.CountAsync(),
        };
    }

    [SkippableFact]
    public async Task The_minimal_demo_on_postgres_holds_what_it_holds_on_sqlite_and_new_rows_get_keys_past_the_loaded_ones()
    {
        PostgresServer.Require();
        await using var onSqlite = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: DatabaseProvider.Sqlite);
        await using var onPostgres = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: DatabaseProvider.PostgreSql);

        Assert.Equal(DatabaseProvider.PostgreSql, onPostgres.Database.Provider);
        Assert.Equal(await CountsAsync(onSqlite), await CountsAsync(onPostgres));

        // The demo wrote its own keys; the next row the database numbers comes after them (KeySequences).
        await using var db = onPostgres.NewDb();
        var before = await db.Set<EcomOps.Domain.Inventory.StockMovement>().MaxAsync(m => m.Id);
        var any = await db.Set<EcomOps.Domain.Inventory.StockMovement>().AsNoTracking().FirstAsync();
        db.Add(new EcomOps.Domain.Inventory.StockMovement
        {
            SkuId = any.SkuId, WarehouseId = any.WarehouseId, Kind = any.Kind, Reference = "test", ActorName = "test", AtUtc = any.AtUtc,
        });
        await db.SaveChangesAsync();
        Assert.True(await db.Set<EcomOps.Domain.Inventory.StockMovement>().MaxAsync(m => m.Id) > before);
    }
}

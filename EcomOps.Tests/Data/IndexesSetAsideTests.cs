using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Data;

/// <summary>SQLite only: PostgreSQL loads in bulk another way (its indexes are not set aside).</summary>
public sealed class IndexesSetAsideTests
{
    private static async Task<List<string>> IndexesAsync(OpsDb db, string table) =>
        await db.Database.SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = {table} ORDER BY name").ToListAsync();

    [Fact]
    public async Task Indexes_set_aside_for_a_load_are_gone_during_it_and_built_again_exactly_as_the_migrations_made_them()
    {
        await using var harness = await DomainHarness.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var db = harness.NewDb();
        var before = await IndexesAsync(db, "Orders");
        Assert.Contains(before, sql => sql.Contains("UNIQUE", StringComparison.Ordinal));

        await using var transaction = await db.Database.BeginTransactionAsync();
        var aside = await IndexesSetAside.DropAsync(db, [typeof(Order)], default);
        Assert.Equal(before.Count, aside.Count);
        Assert.Empty(await IndexesAsync(db, "Orders"));
        await aside.RestoreAsync(default);
        await transaction.CommitAsync();

        Assert.Equal(before, await IndexesAsync(db, "Orders"));
    }

    [Fact]
    public async Task A_duplicate_written_while_the_unique_index_was_set_aside_fails_the_load_when_the_index_is_built_again()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: DatabaseProvider.Sqlite);
        await using var db = harness.NewDb();
        var order = await db.Orders.AsNoTracking().OrderBy(o => o.Id).FirstAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var aside = await IndexesSetAside.DropAsync(db, [typeof(Order)], default);
        // The same channel and platform order id a second time: what the unique index forbids.
        await db.Database.ExecuteSqlAsync($"""
            CREATE TEMP TABLE "Copy" AS SELECT * FROM "Orders" WHERE "Id" = {order.Id};
            UPDATE "Copy" SET "Id" = (SELECT max("Id") + 1 FROM "Orders");
            INSERT INTO "Orders" SELECT * FROM "Copy";
            """);

        var failure = await Assert.ThrowsAsync<SqliteException>(() => aside.RestoreAsync(default));
        Assert.Contains("UNIQUE", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_orders_are_loaded_with_their_indexes_set_aside_and_the_seeded_database_has_every_index_its_migrations_define()
    {
        await using var fresh = await DomainHarness.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var seeded = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: DatabaseProvider.Sqlite);
        await using var freshDb = fresh.NewDb();
        await using var seededDb = seeded.NewDb();

        var all = await freshDb.Database.SqlQuery<string>($"SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS Value FROM sqlite_master WHERE type = 'index' ORDER BY name").ToListAsync();
        Assert.Equal(all, await seededDb.Database.SqlQuery<string>($"SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS Value FROM sqlite_master WHERE type = 'index' ORDER BY name").ToListAsync());
        Assert.True(await seededDb.Orders.CountAsync() >= OrderDemoData.OrderCount(DemoSize.Minimal) / 2, "the demo made its orders");
        // Every order went in with its thread: none without its Received event or its lines.
        Assert.False(await seededDb.Orders.AnyAsync(o => !seededDb.Set<OrderEvent>().Any(e => e.OrderId == o.Id && e.Kind == OrderEventKind.Received)));
        Assert.False(await seededDb.Orders.AnyAsync(o => !seededDb.Set<OrderLine>().Any(l => l.OrderId == o.Id)));
    }
}

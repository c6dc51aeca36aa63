using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Orders;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Data;

public sealed class WriteRetryTests
{
    [Fact]
    public async Task Writers_take_turns_first_come_first_served()
    {
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var release = new TaskCompletionSource();
        var first = WriteRetry.RunAsync(async () =>
        {
            order.Enqueue("first in");
            await release.Task;
            order.Enqueue("first out");
            return Outcome<int>.Done(1);
        });
        var second = WriteRetry.RunAsync(() =>
        {
            order.Enqueue("second in");
            return Task.FromResult(Outcome<int>.Done(2));
        });

        await Task.Delay(100);
        release.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(["first in", "first out", "second in"], order);
    }

    [Fact]
    public async Task A_write_that_runs_another_write_inside_it_does_not_wait_for_its_own_turn()
    {
        var outcome = await WriteRetry.RunAsync(() => WriteRetry.RunAsync(() => Task.FromResult(Outcome<int>.Done(7))).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(7, outcome.Value);
    }

    [Fact]
    public async Task A_write_that_finds_the_database_busy_runs_again_from_its_start_and_succeeds()
    {
        var attempts = 0;

        var outcome = await WriteRetry.RunAsync(() =>
        {
            attempts++;
            return attempts < 3 ? throw new SqliteException("database is locked", 5) : Task.FromResult(Outcome<int>.Done(42));
        });

        Assert.Equal((OutcomeKind.Done, 42, 3), (outcome.Kind, outcome.Value, attempts));
    }

    [Fact]
    public async Task A_database_that_stays_busy_is_answered_busy_not_thrown_and_other_errors_are_not_retried()
    {
        var attempts = 0;
        var busy = await WriteRetry.RunAsync<int>(() =>
        {
            attempts++;
            throw new DbUpdateException("save failed", new SqliteException("database is locked", 5));
        });
        var other = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteRetry.RunAsync<int>(() =>
        {
            other++;
            throw new InvalidOperationException("not a lock");
        }));

        Assert.Equal([WriteRetry.Busy], busy.Errors);
        Assert.Equal(WriteRetry.Attempts, attempts);
        Assert.Equal(1, other);
    }

    [SkippableFact]
    public async Task An_order_desk_step_waits_out_a_writer_holding_the_lock_longer_than_its_busy_timeout()
    {
        Skip.If(TestDatabases.Default != DatabaseProvider.Sqlite, "SQLite's one write lock; PostgreSQL locks rows");
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-1") with { ShippingAddress = "上海" });
        var version = (await world.OrderAsync(held.OrderId)).Version;
        var file = new SqliteConnectionStringBuilder(world.Harness.NewDb().Database.GetConnectionString()).DataSource;

        // Another process holds SQLite's write lock for 2.5 s; the desk's connection gives up waiting after 1 s each time.
        var desk = new OrderDesk(new ShortTimeoutFactory(file, world.Harness.Get<ChangeCapture>()), world.Harness.Get<OrderStock>(), world.Harness.Get<OrderSettings>(), world.Harness.Clock);
        await using var blocker = new SqliteConnection($"Data Source={file}");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }
        var release = Task.Delay(2500).ContinueWith(_ =>
        {
            using var commit = blocker.CreateCommand();
            commit.CommandText = "COMMIT;";
            commit.ExecuteNonQuery();
        });

        var outcome = await desk.LogContactAsync(OrderWorld.Specialist, held.OrderId, ContactOutcome.Reached, "客户确认地址", version);
        await release;

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        Assert.Contains((await world.OrderAsync(held.OrderId)).Events, e => e.Kind == OrderEventKind.CustomerContacted);
    }

    [Fact]
    public async Task The_order_api_answers_503_with_retry_after_and_problem_json_when_the_database_stays_locked()
    {
        using var factory = new OpsWebFactory { Provider = Domain.Data.DatabaseProvider.Sqlite };
        using var busyHost = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Ops", factory.ConnectionString + ";Default Timeout=1"));
        var services = busyHost.Services;
        int channelId;
        string sku;
        await using (var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            channelId = await db.SalesChannels.Where(c => c.Active).Select(c => c.Id).FirstAsync();
            sku = await db.Set<Domain.Catalog.Sku>().Where(s => s.Active).Select(s => s.Code).FirstAsync();
        }
        var key = (await services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channelId)).Value!;
        var file = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        await using var blocker = new SqliteConnection($"Data Source={file}");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        using var client = busyHost.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            platformOrderId = "BUSY-1", customerName = "王喆", customerPhone = "13812345678", shippingAddress = "上海市浦东新区张江路 100 号",
            placedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"), lines = new[] { new { sku, quantity = 1, unitPrice = 10.00m } },
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(WriteRetry.BusyCode, body.RootElement.GetProperty("code").GetString());
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }
        await using var check = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        Assert.False(await check.Orders.AnyAsync(o => o.PlatformOrderId == "BUSY-1"));
    }

    /// <summary>Contexts on the same file whose connections wait only 1 s for the write lock.</summary>
    private sealed class ShortTimeoutFactory(string file, ChangeCapture capture) : IDbContextFactory<OpsDb>
    {
        private readonly DbContextOptions<OpsDb> _options = new DbContextOptionsBuilder<OpsDb>()
            .UseSqlite($"Data Source={file};Default Timeout=1").AddInterceptors(capture).Options;

        public OpsDb CreateDbContext() => new(_options);
    }
}

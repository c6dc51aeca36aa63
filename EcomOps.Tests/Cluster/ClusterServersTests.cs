using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcomOps.Console.Live;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EcomOps.Tests.Cluster;

/// <summary>
/// Two console servers as a company runs them: separate processes on their own ports, one PostgreSQL database, one
/// Redis (a server of the test's own, so the test can stop it). The demo data is the minimal one, loaded once.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string? Missing { get; private set; }

    public DomainHarness Harness { get; private set; } = default!;

    public RedisProcess Redis { get; private set; } = default!;

    public ConsoleProcess A { get; private set; } = default!;

    public ConsoleProcess B { get; private set; } = default!;

    public string ApiKey { get; private set; } = "";

    public string Sku { get; private set; } = "";

    public decimal Price { get; private set; }

    public async Task InitializeAsync()
    {
        var redis = RedisProcess.FindBinary();
        Missing = PostgresServer.Server is null ? "no PostgreSQL server: set ECOMOPS_TEST_POSTGRES (see README, Tests)"
            : redis is null ? "no redis-server: install Debian's redis-server or set ECOMOPS_TEST_REDIS_SERVER (see README, Tests)"
            : null;
        if (Missing is not null)
        {
            return;
        }
        Harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal, provider: DatabaseProvider.PostgreSql);
        Redis = await RedisProcess.StartAsync(redis!);
        var channel = $"cluster-test-{Guid.NewGuid():N}";
        Dictionary<string, string> Settings(string server) => new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Ops"] = Harness.Database.ConnectionString,
            ["Live:Channel"] = "Redis",
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,
            ["Live:ChannelName"] = channel,
            ["Live:ServerName"] = server,
            // Nothing of the test's should wait for the order API's rate limit.
            ["RateLimiting:OrderApi:PermitLimit"] = "100000",
        };
        A = new ConsoleProcess("A", Settings("A"));
        B = new ConsoleProcess("B", Settings("B"));
        await Task.WhenAll(A.StartAsync(), B.StartAsync());

        await using var db = Harness.NewDb();
        var web = await db.SalesChannels.SingleAsync(c => c.Code == "WEB");
        var skuId = await db.StockBalances.OrderByDescending(b => b.OnHand - b.Reserved).Select(b => b.SkuId).FirstAsync();
        var sku = await db.Skus.Where(s => s.Id == skuId).Select(s => new { s.Code, s.ListPriceCents }).SingleAsync();
        (Sku, Price) = (sku.Code, sku.ListPriceCents / 100m);
        ApiKey = (await Harness.Get<ChannelDesk>().IssueKeyAsync(Actor.System, web.Id)).Value!;
    }

    /// <summary>Skips the test where the servers are missing; under CI (which installs them) fails it instead.</summary>
    public void Require()
    {
        if (Missing is null)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"CI=true but the cluster tests cannot run: {Missing}");
        }
        Skip.If(true, Missing);
    }

    /// <summary>An order client of the web channel on <paramref name="server"/>.</summary>
    public HttpClient OrdersOn(ConsoleProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, ApiKey);
        return client;
    }

    public object Order(string platformOrderId)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return new
        {
            platformOrderId,
            customerName = "集群测试",
            customerPhone = "13812345678",
            shippingAddress = "上海市浦东新区张江路 100 号",
            placedAt = now.AddMinutes(-2).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            paidAt = now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            shippingFee = 0,
            lines = new[] { new { sku = Sku, quantity = 1, unitPrice = Price } },
        };
    }

    /// <summary>Posts one order on <paramref name="server"/> and answers its id.</summary>
    public async Task<int> PostOrderAsync(ConsoleProcess server, string platformOrderId)
    {
        using var client = OrdersOn(server);
        var response = await client.PostAsJsonAsync("api/orders", Order(platformOrderId));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{server.Name} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetInt32();
    }

    public async Task DisposeAsync()
    {
        if (Missing is not null)
        {
            return;
        }
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        await Harness.DisposeAsync();
    }
}

/// <summary>A hub client on one server, keeping every change it hears, by key.</summary>
public sealed class HubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTime>> _heard = new();

    private HubListener(HubConnection connection) => _connection = connection;

    public static async Task<HubListener> JoinAsync(ConsoleProcess server, string cookie, string board)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, OpsHub.Path), o => o.Headers["Cookie"] = cookie)
            .Build();
        var listener = new HubListener(connection);
        connection.On<JsonElement>(OpsHub.ChangeMethod, change =>
        {
            var key = change.GetProperty("key").GetString()!;
            listener.Slot(key).TrySetResult(DateTime.UtcNow);
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Join", board);
        return listener;
    }

    /// <summary>Waits until a change of the key is heard; fails the test after <paramref name="within"/>.</summary>
    public async Task HeardAsync(int key, TimeSpan within, string what) =>
        Assert.True(await Heard(key, within), $"{what}: not heard within {within.TotalSeconds} s");

    public async Task<bool> Heard(int key, TimeSpan within)
    {
        var slot = Slot(key.ToString(System.Globalization.CultureInfo.InvariantCulture)).Task;
        return await Task.WhenAny(slot, Task.Delay(within)) == slot;
    }

    private TaskCompletionSource<DateTime> Slot(string key) => _heard.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

[Trait("Category", "Cluster")]
public sealed class ClusterServersTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private static string Id(string what) => $"CL-{what}-{Guid.NewGuid().ToString("N")[..8]}";

    [SkippableFact]
    public async Task A_change_on_one_server_reaches_the_other_servers_board_and_hub_clients_and_both_keep_their_own_boards_live_while_redis_is_down()
    {
        cluster.Require();
        var (_, cookieA) = await cluster.A.SignInAsync("opsmanager@ecomops.local");
        var (_, cookieB) = await cluster.B.SignInAsync("opsmanager@ecomops.local");
        await using var hubA = await HubListener.JoinAsync(cluster.A, cookieA, Boards.Orders);
        await using var hubB = await HubListener.JoinAsync(cluster.B, cookieB, Boards.Orders);

        // A board circuit on B: the order list in a browser, signed in on B.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenAsync(browser, cluster.B, "opsmanager@ecomops.local", "orders");

        // Both ways, while Redis answers.
        var onA = Id("a");
        await hubB.HeardAsync(await cluster.PostOrderAsync(cluster.A, onA), Soon, "an order taken on A, on B's hub");
        var expect = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Assertions.Expect(page.Locator($"[data-testid=order-row-{onA}]")).ToBeVisibleAsync(expect);
        await hubA.HeardAsync(await cluster.PostOrderAsync(cluster.B, Id("b")), Soon, "an order taken on B, on A's hub");

        // Redis stops: each server says so, and keeps its own boards live.
        await cluster.Redis.StopAsync();
        await Assertions.Expect(page.Locator("[data-testid=cluster-paused]")).ToBeVisibleAsync(expect);
        Assert.Equal("Degraded", (await cluster.B.HealthAsync()).GetProperty("checks").GetProperty("live").GetString());
        var onBWhilePaused = Id("b-paused");
        await hubB.HeardAsync(await cluster.PostOrderAsync(cluster.B, onBWhilePaused), Soon, "B's own order while Redis is down, on B's hub");
        await Assertions.Expect(page.Locator($"[data-testid=order-row-{onBWhilePaused}]")).ToBeVisibleAsync(expect);
        var onAWhilePaused = Id("a-paused");
        var pausedOnA = await cluster.PostOrderAsync(cluster.A, onAWhilePaused);
        await hubA.HeardAsync(pausedOnA, Soon, "A's own order while Redis is down, on A's hub");
        Assert.False(await hubB.Heard(pausedOnA, TimeSpan.FromSeconds(2)), "B heard of A's order with Redis down");

        // Redis is back: without a restart, the notice goes, B's list reloads with what A took meanwhile, and changes flow again.
        await cluster.Redis.StartAgainAsync();
        await Assertions.Expect(page.Locator("[data-testid=cluster-paused]")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator($"[data-testid=order-row-{onAWhilePaused}]")).ToBeVisibleAsync(expect);
        await LiveAgainAsync(cluster.A);
        await LiveAgainAsync(cluster.B);
        var afterwards = Id("a-after");
        await hubB.HeardAsync(await cluster.PostOrderAsync(cluster.A, afterwards), Soon, "an order taken on A after Redis came back, on B's hub");
        await Assertions.Expect(page.Locator($"[data-testid=order-row-{afterwards}]")).ToBeVisibleAsync(expect);
    }

    [SkippableFact]
    public async Task Who_has_a_ticket_open_on_one_server_shows_on_that_ticket_on_the_other_and_leaves_it_when_the_page_closes()
    {
        cluster.Require();
        var ticket = (await cluster.Harness.Get<EcomOps.Domain.Service.TicketDesk>().CreateAsync(Actor.System, new EcomOps.Domain.Service.TicketForm
        {
            Channel = EcomOps.Domain.Service.Sla.TicketChannel.OnlineChat, CustomerName = "王喆", CustomerContact = "13800138000",
            Subject = "Where is my parcel?", Category = EcomOps.Domain.Service.TicketCategories.Other, Message = "Ordered a week ago.",
        })).Value;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);

        var onA = await OpenAsync(browser, cluster.A, "agent@ecomops.local", $"service/tickets/{ticket}");
        var onB = await OpenAsync(browser, cluster.B, "cssupervisor@ecomops.local", $"service/tickets/{ticket}");

        await Assertions.Expect(onB.Locator("[data-testid=ticket-viewer]")).ToContainTextAsync("刘洋", new() { Timeout = 30_000 });
        await Assertions.Expect(onA.Locator("[data-testid=ticket-viewer]")).ToContainTextAsync("陈静", new() { Timeout = 30_000 });
        await onA.Context.CloseAsync();
        await Assertions.Expect(onB.Locator("[data-testid=ticket-presence]")).ToBeHiddenAsync(new() { Timeout = 30_000 });
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists),
        Headless = true,
    });

    /// <summary>A page of its own (own cookies) on <paramref name="server"/>, signed in, at <paramref name="path"/> and interactive.</summary>
    private static async Task<IPage> OpenAsync(IBrowser browser, ConsoleProcess server, string email, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoDataGenerator.DemoPassword);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.Locator("#circuit-ready[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GotoAsync(path);
        await page.Locator("#circuit-ready[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Waits until the server says its channel to the others answers again (each server reconnects on its own).</summary>
    private static async Task LiveAgainAsync(ConsoleProcess server)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        string? live = null;
        while (DateTime.UtcNow < until)
        {
            live = (await server.HealthAsync()).GetProperty("checks").GetProperty("live").GetString();
            if (live == "Healthy")
            {
                return;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"{server.Name}'s live channel still says {live} a minute after Redis came back");
    }

    [SkippableFact]
    public async Task Every_order_a_killed_server_acknowledged_is_kept_the_other_server_keeps_serving_and_the_killed_one_rejoins_on_restart()
    {
        cluster.Require();
        var acknowledged = new List<string>();
        using (var client = cluster.OrdersOn(cluster.A))
        {
            // Orders one after another; A is killed (kill -9) after the 20th is acknowledged, with the next in flight.
            Task? killing = null;
            for (var i = 0; i < 500; i++)
            {
                var id = Id($"k{i}");
                try
                {
                    var response = await client.PostAsJsonAsync("api/orders", cluster.Order(id));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(id);
                    }
                }
                catch (HttpRequestException)
                {
                    break;
                }
                catch (TaskCanceledException)
                {
                    break;
                }
                if (acknowledged.Count == 20)
                {
                    killing = cluster.A.KillAsync();
                }
            }
            Assert.NotNull(killing);
            await killing;
        }

        await using (var db = cluster.Harness.NewDb())
        {
            var kept = await db.Orders.Where(o => acknowledged.Contains(o.PlatformOrderId)).Select(o => o.PlatformOrderId).ToListAsync();
            Assert.Equal(acknowledged.Order(), kept.Order());
        }

        // B serves on: it signs in and takes orders.
        var (_, cookieB) = await cluster.B.SignInAsync("opsmanager@ecomops.local");
        await cluster.PostOrderAsync(cluster.B, Id("b-alone"));

        // A starts again and rejoins: what B takes reaches A's hub clients, and A's reach B's.
        await cluster.A.StartAsync();
        var (_, cookieA) = await cluster.A.SignInAsync("opsmanager@ecomops.local");
        await using var hubA = await HubListener.JoinAsync(cluster.A, cookieA, Boards.Orders);
        await using var hubB = await HubListener.JoinAsync(cluster.B, cookieB, Boards.Orders);
        await hubA.HeardAsync(await cluster.PostOrderAsync(cluster.B, Id("b-rejoined")), Soon, "an order taken on B, on the restarted A's hub");
        await hubB.HeardAsync(await cluster.PostOrderAsync(cluster.A, Id("a-rejoined")), Soon, "an order taken on the restarted A, on B's hub");
        Assert.Equal("Healthy", (await cluster.A.HealthAsync()).GetProperty("status").GetString());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Orders;

public sealed class OrderApiTests(Web.OpsWebFactoryFixture fixture) : IClassFixture<Web.OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    private async Task<(HttpClient Client, string Sku)> ClientAsync()
    {
        _ = _factory.Server;
        var services = _factory.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var channel = await db.SalesChannels.SingleAsync(c => c.Code == "WEB");
        // A SKU with plenty on hand, so the stock rule never decides these tests.
        var skuId = await db.StockBalances.OrderByDescending(b => b.OnHand - b.Reserved).Select(b => b.SkuId).FirstAsync();
        var sku = await db.Skus.Where(s => s.Id == skuId).Select(s => new { s.Code, s.ListPriceCents }).SingleAsync();
        var key = (await services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channel.Id)).Value!;
        var client = _factory.NewClient();
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        _listPrice = sku.ListPriceCents / 100m;
        // The endpoint judges times against the clock the host runs on (ship-by, "placed in the future"), so the orders
        // are placed an hour before that clock's now, never on a fixed date that the calendar will pass.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        _placedAt = now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        _paidAt = now.AddMinutes(-59).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        return (client, sku.Code);
    }

    private decimal _listPrice;
    private string _placedAt = "";
    private string _paidAt = "";

    private object Order(string id, string sku, int quantity = 1, string phone = "13812345678") => new
    {
        platformOrderId = id,
        customerName = "王喆",
        customerPhone = phone,
        shippingAddress = "上海市浦东新区张江路 100 号",
        placedAt = _placedAt,
        paidAt = _paidAt,
        shippingFee = 0,
        lines = new[] { new { sku, quantity, unitPrice = _listPrice } },
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Posting_an_order_twice_creates_it_once_and_answers_with_the_same_order()
    {
        var (client, sku) = await ClientAsync();

        var first = await client.PostAsJsonAsync("/api/orders", Order("API-1", sku));
        var second = await client.PostAsJsonAsync("/api/orders", Order("API-1", sku, quantity: 2));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("orderId").GetInt32(), b.GetProperty("orderId").GetInt32());
        Assert.False(b.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task A_batch_answers_each_order_and_a_repeated_batch_creates_nothing_more()
    {
        var (client, sku) = await ClientAsync();
        var batch = new { orders = new[] { Order("B-1", sku, phone: "13800000001"), Order("B-2", sku, phone: "13800000002") } };

        var first = await (await client.PostAsJsonAsync("/api/orders", batch)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await client.PostAsJsonAsync("/api/orders", batch)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((2, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("existing").GetInt32()));
        Assert.Equal((0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("existing").GetInt32()));
    }

    [Fact]
    public async Task A_missing_or_wrong_api_key_is_refused_as_problem_json()
    {
        var (_, sku) = await ClientAsync();
        var anonymous = _factory.NewClient();
        var wrong = _factory.NewClient();
        wrong.DefaultRequestHeaders.Add(ChannelApiKey.Header, "eco_not-a-key");

        var missing = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/orders", Order("K-1", sku)), HttpStatusCode.Unauthorized);
        var invalid = await ProblemAsync(await wrong.PostAsJsonAsync("/api/orders", Order("K-1", sku)), HttpStatusCode.Unauthorized);

        Assert.Equal(("X-Api-Key", "ApiKeyMissing"), (missing.GetProperty("field").GetString(), missing.GetProperty("code").GetString()));
        Assert.Equal("ApiKeyInvalid", invalid.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Bad_input_names_the_field_at_fault_and_writes_nothing()
    {
        var (client, sku) = await ClientAsync();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var before = await db.Orders.CountAsync();

        var malformed = await ProblemAsync(await client.PostAsync("/api/orders", new StringContent("{\"platformOrderId\": \"X\", \"lines\": [{\"quantity\": \"two\"}]}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var truncated = await ProblemAsync(await client.PostAsync("/api/orders", new StringContent("{\"platformOrderId\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var negative = await ProblemAsync(await client.PostAsJsonAsync("/api/orders", Order("N-1", sku, quantity: -1)), HttpStatusCode.BadRequest);
        var unknown = await ProblemAsync(await client.PostAsJsonAsync("/api/orders", Order("N-2", "SKU-DOES-NOT-EXIST")), HttpStatusCode.BadRequest);
        var missing = await ProblemAsync(await client.PostAsJsonAsync("/api/orders", new { platformOrderId = "N-3", lines = new[] { new { sku } } }), HttpStatusCode.BadRequest);
        var badDate = await ProblemAsync(await client.PostAsJsonAsync("/api/orders", new { platformOrderId = "N-4", placedAt = "2026-02-30T10:00:00", lines = new[] { new { sku, quantity = 1, unitPrice = 1 } } }), HttpStatusCode.BadRequest);
        var inBatch = await ProblemAsync(await client.PostAsJsonAsync("/api/orders", new { orders = new[] { Order("N-5", sku), Order("N-6", sku, quantity: 0) } }), HttpStatusCode.BadRequest);

        Assert.Equal("lines[0].quantity", malformed.GetProperty("field").GetString());
        Assert.Equal("MalformedJson", truncated.GetProperty("code").GetString());
        Assert.Equal(("lines[0].quantity", "QuantityOutOfRange"), (negative.GetProperty("field").GetString(), negative.GetProperty("code").GetString()));
        Assert.Equal(("lines[0].sku", "UnknownSku"), (unknown.GetProperty("field").GetString(), unknown.GetProperty("code").GetString()));
        Assert.True(missing.GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
        Assert.Equal(("placedAt", "DateInvalid"), (badDate.GetProperty("field").GetString(), badDate.GetProperty("code").GetString()));
        Assert.Equal("orders[1].lines[0].quantity", inBatch.GetProperty("field").GetString());
        Assert.Equal(before, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task A_batch_over_the_stated_limit_is_refused()
    {
        var (client, sku) = await ClientAsync();
        var orders = Enumerable.Range(0, 501).Select(i => Order($"L-{i}", sku)).ToArray();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/orders", new { orders }), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(("orders", "BatchTooLarge"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        Assert.Contains("500", problem.GetProperty("detail").GetString());
    }
}

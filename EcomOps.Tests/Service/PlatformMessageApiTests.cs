using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Service;

/// <summary><c>POST /api/service/messages</c> through the real host: buyer messages from a platform into the ticket queue.</summary>
public sealed class PlatformMessageApiTests(Web.OpsWebFactoryFixture fixture) : IClassFixture<Web.OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    private async Task<(HttpClient Client, int Channel)> ClientAsync()
    {
        _ = _factory.Server;
        await using var db = await Db();
        var channel = await db.SalesChannels.SingleAsync(c => c.Code == "WEB");
        var key = (await _factory.Services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channel.Id)).Value!;
        var client = _factory.NewClient();
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        return (client, channel.Id);
    }

    private Task<OpsDb> Db() => _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();

    private static object Message(string id, string conversation, string text, string? contact = "13900001111", string? orderId = null) => new
    {
        messageId = id, conversationId = conversation, buyerName = "买家小王", buyerContact = contact, orderId, text,
    };

    private async Task<Ticket> TicketAsync(int id)
    {
        await using var db = await Db();
        return await db.Tickets.Include(t => t.Entries).SingleAsync(t => t.Id == id);
    }

    [Fact]
    public async Task A_buyer_message_opens_a_platform_message_ticket_and_a_second_delivery_files_it_once()
    {
        var (client, _) = await ClientAsync();

        var first = await client.PostAsJsonAsync("/api/service/messages", Message("M-1", "C-1", "请问我的快递到哪里了？\n订单昨天付的款"));
        var again = await client.PostAsJsonAsync("/api/service/messages", Message("M-1", "C-1", "请问我的快递到哪里了？\n订单昨天付的款"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("ticketId").GetInt32(), b.GetProperty("ticketId").GetInt32());
        Assert.True(b.GetProperty("repeated").GetBoolean());
        var ticket = await TicketAsync(a.GetProperty("ticketId").GetInt32());
        Assert.Equal((TicketChannel.PlatformMessage, "买家小王", "请问我的快递到哪里了？", TicketStatus.New), (ticket.Channel, ticket.CustomerName, ticket.Subject, ticket.Status));
        Assert.Single(ticket.Entries);
    }

    [Fact]
    public async Task The_next_message_of_a_conversation_joins_its_ticket_and_reopens_it_when_solved()
    {
        var (client, _) = await ClientAsync();
        var first = await (await client.PostAsJsonAsync("/api/service/messages", Message("M-10", "C-10", "尺码偏大吗？"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = first.GetProperty("ticketId").GetInt32();
        await using (var db = await Db())
        {
            await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, TicketStatus.Solved));
        }

        var next = await client.PostAsJsonAsync("/api/service/messages", Message("M-11", "C-10", "那我换小一码"));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var answer = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, answer.GetProperty("ticketId").GetInt32());
        Assert.True(answer.GetProperty("joined").GetBoolean());
        var ticket = await TicketAsync(id);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(["尺码偏大吗？", "那我换小一码"], ticket.Entries.OrderBy(e => e.Id).Select(e => e.Body));
    }

    [Fact]
    public async Task A_message_about_a_known_order_links_it_and_takes_the_orders_phone_when_none_is_sent()
    {
        var (client, channel) = await ClientAsync();
        await using var db = await Db();
        var order = await db.Orders.Where(o => o.ChannelId == channel).OrderBy(o => o.Id).Select(o => new { o.PlatformOrderId, o.CustomerPhone }).FirstAsync();

        var response = await client.PostAsJsonAsync("/api/service/messages", Message("M-20", "C-20", "发票怎么开？", contact: null, orderId: order.PlatformOrderId));

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("orderLinked").GetBoolean());
        var ticket = await TicketAsync(answer.GetProperty("ticketId").GetInt32());
        Assert.Equal((order.PlatformOrderId, order.CustomerPhone), (ticket.OrderReference, ticket.CustomerContact));
    }

    [Fact]
    public async Task A_message_with_no_contact_and_no_known_order_is_refused_naming_the_field_and_writes_nothing()
    {
        var (client, _) = await ClientAsync();

        var response = await client.PostAsJsonAsync("/api/service/messages", Message("M-30", "C-30", "在吗", contact: null, orderId: "NO-SUCH-ORDER"));
        var empty = await client.PostAsJsonAsync("/api/service/messages", new { messageId = "M-31", conversationId = "C-31", buyerName = "", text = "" });
        var malformed = await client.PostAsync("/api/service/messages", new StringContent("{\"messageId\": [1,", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("buyerContact", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var fields = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("buyerName", fields);
        Assert.Contains("text", fields);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await using var db = await Db();
        Assert.False(await db.PlatformMessages.AnyAsync(m => m.PlatformMessageId == "M-30" || m.PlatformMessageId == "M-31"));
        // The refused message's claim was given back: once the contact is known it is filed.
        var fixedUp = await client.PostAsJsonAsync("/api/service/messages", Message("M-30", "C-30", "在吗"));
        Assert.Equal(HttpStatusCode.Created, fixedUp.StatusCode);
    }

    [Fact]
    public async Task Deliveries_of_one_message_at_the_same_moment_open_one_ticket()
    {
        var (client, _) = await ClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/service/messages", Message("M-40", "C-40", "同时到达"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await using var db = await Db();
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.Channel == TicketChannel.PlatformMessage && t.Subject == "同时到达"));
    }

    [Fact]
    public async Task Messages_of_a_new_conversation_arriving_together_open_one_ticket_holding_them_all()
    {
        var (client, _) = await ClientAsync();
        string[] conversations = ["C-60", "C-61", "C-62", "C-63"];

        var responses = await Task.WhenAll(conversations.SelectMany(c => Enumerable.Range(0, 3).Select(i =>
            client.PostAsJsonAsync("/api/service/messages", Message($"{c}-M{i}", c, $"{c} 第{i}条")))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        await using var db = await Db();
        foreach (var conversation in conversations)
        {
            var tickets = await db.PlatformMessages.Where(m => m.ConversationId == conversation).Select(m => m.TicketId).Distinct().ToListAsync();
            var ticket = Assert.Single(tickets);
            Assert.Equal(3, await db.Set<TicketEntry>().CountAsync(e => e.TicketId == ticket && e.Body.StartsWith(conversation)));
        }
    }

    [Fact]
    public async Task A_request_without_the_channels_key_is_refused()
    {
        _ = _factory.Server;
        var response = await _factory.NewClient().PostAsJsonAsync("/api/service/messages", Message("M-50", "C-50", "你好"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using EcomOps.Console.Features.Contact;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Contact;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EcomOps.Tests.Web;

/// <summary>The console with a small limit on the contact page: 4 messages per client and 10 minutes.</summary>
public sealed class ContactHost : IDisposable
{
    public OpsWebFactory Factory { get; } = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["RateLimiting:ContactSend:PermitLimit"] = "4",
            ["RateLimiting:ContactSend:Window"] = "00:10:00",
        },
    };

    public void Dispose() => Factory.Dispose();
}

/// <summary>The public contact page as a customer's browser uses it: a real form post, antiforgery token and all.</summary>
public sealed partial class ContactPageTests(ContactHost host) : IClassFixture<ContactHost>
{
    private readonly OpsWebFactory _factory = host.Factory;
    private static int _lastAddress;

    /// <summary>Each test speaks from an address of its own, so the per-client limit is its own.</summary>
    private HttpClient Customer() => _factory.NewClientFrom(IPAddress.Parse($"198.51.100.{Interlocked.Increment(ref _lastAddress)}"));

    /// <summary>A stamp as the page writes it, for a page shown <paramref name="ago"/> before now (the host's own keys).</summary>
    private string StampFrom(TimeSpan ago) =>
        new ContactFormStamp(_factory.Services.GetRequiredService<IDataProtectionProvider>(), new FakeTimeProvider(DateTimeOffset.UtcNow - ago)).Issue();

    /// <summary>Posts the form of <paramref name="page"/> back to <paramref name="url"/>, as Blazor's static forms do.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> SendAsync(HttpClient client, string url, string page, string handler, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value),
        };
        var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Dictionary<string, string> Message(string text, string? stamp = null) => new()
    {
        ["Input.Name"] = "王喆",
        ["Input.Contact"] = "13800138000",
        ["Input.OrderNumber"] = "",
        ["Input.Topic"] = TicketCategories.Shipping,
        ["Input.Message"] = text,
        ["Input.Reference"] = "",
        ["Input.Website"] = "",
        ["Input.Stamp"] = stamp ?? StampFrom(TimeSpan.FromSeconds(20)),
    };

    private async Task<List<Ticket>> TicketsWithAsync(string text)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        return await db.Tickets.AsNoTracking().Where(t => t.Entries.Any(e => e.Body == text)).ToListAsync();
    }

    [Fact]
    public async Task A_customer_without_a_sign_in_sends_a_message_gets_a_reference_and_reads_and_answers_the_conversation_there()
    {
        var client = Customer();
        var page = await client.GetStringAsync("/contact?order=");
        Assert.Contains("data-testid=\"contact-send\"", page, StringComparison.Ordinal);

        var (status, sent) = await SendAsync(client, "/contact", page, "contact", Message("快递三天没动了。"));

        Assert.Equal(HttpStatusCode.OK, status);
        var reference = Reference().Match(sent).Groups[1].Value;
        Assert.Matches("^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$", reference);
        var ticket = Assert.Single(await TicketsWithAsync("快递三天没动了。"));
        Assert.Equal((TicketChannel.OnlineChat, TicketCategories.Shipping, "王喆"), (ticket.Channel, ticket.Category, ticket.CustomerName));

        var conversationPage = await client.GetStringAsync($"/contact/{reference.Replace("-", "")}");
        Assert.Contains("快递三天没动了。", conversationPage, StringComparison.Ordinal);
        var (_, answered) = await SendAsync(client, $"/contact/{reference.Replace("-", "")}", conversationPage, "contact-reply", new() { ["Input.Message"] = "订单号是多少你们能查到吗？" });

        Assert.Contains("Your message was added.", answered, StringComparison.Ordinal);
        Assert.Equal(ticket.Id, Assert.Single(await TicketsWithAsync("订单号是多少你们能查到吗？")).Id);
    }

    [Fact]
    public async Task A_filled_hidden_field_is_thanked_like_a_person_and_nothing_is_written()
    {
        var client = Customer();
        var page = await client.GetStringAsync("/contact");

        var (status, html) = await SendAsync(client, "/contact", page, "contact", new(Message("Cheap watches here")) { ["Input.Website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("we received your message", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(Reference(), html);
        Assert.Empty(await TicketsWithAsync("Cheap watches here"));
    }

    [Fact]
    public async Task A_message_sent_as_soon_as_the_page_opened_or_with_a_forged_stamp_is_asked_again_with_what_was_typed_kept()
    {
        var client = Customer();
        var page = await client.GetStringAsync("/contact");
        var ownStamp = Regex.Match(page, "name=\"Input.Stamp\" value=\"([^\"]+)\"").Groups[1].Value;

        var (_, quick) = await SendAsync(client, "/contact", page, "contact", Message("我等不及了", WebUtility.HtmlDecode(ownStamp)));
        var (_, forged) = await SendAsync(client, "/contact", page, "contact", Message("我是机器人", "not-a-stamp"));

        Assert.Contains("That was very quick", quick, StringComparison.Ordinal);
        Assert.Contains("我等不及了", quick, StringComparison.Ordinal);
        Assert.Contains("This page was open for a long time", forged, StringComparison.Ordinal);
        Assert.Empty(await TicketsWithAsync("我等不及了"));
        Assert.Empty(await TicketsWithAsync("我是机器人"));
    }

    [Fact]
    public async Task A_wrong_field_is_named_under_it_and_nothing_is_written()
    {
        var client = Customer();
        var page = await client.GetStringAsync("/contact");

        var (_, html) = await SendAsync(client, "/contact", page, "contact", new(Message("请回电")) { ["Input.Contact"] = "call me" });

        Assert.Contains("Please check the fields marked below.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-Contact\"", html, StringComparison.Ordinal);
        Assert.Contains("请回电", html, StringComparison.Ordinal);
        Assert.Empty(await TicketsWithAsync("请回电"));
    }

    [Fact]
    public async Task Messages_beyond_the_per_client_limit_are_answered_429_with_a_page_that_says_so()
    {
        var client = Customer();
        var page = await client.GetStringAsync("/contact");

        var statuses = new List<HttpStatusCode>();
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            (var status, last) = await SendAsync(client, "/contact", page, "contact", Message($"第{i}条"));
            statuses.Add(status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("too-many-requests", last, StringComparison.Ordinal);
        Assert.Empty(await TicketsWithAsync("第4条"));
        Assert.Equal(HttpStatusCode.OK, (await Customer().GetAsync("/contact")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("data-testid=\"contact-reference\">([A-Z0-9-]+)<")]
    private static partial Regex Reference();
}

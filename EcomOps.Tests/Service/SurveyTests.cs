using System.Net;
using System.Text.RegularExpressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Service.Surveys;
using EcomOps.Tests.Support;
using EcomOps.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Service;

public sealed class SurveyTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    internal static async Task<(int TicketId, string Token)> SolveATicketAsync(TicketDesk desk, TicketQueue queue, SurveyDesk surveys)
    {
        var id = (await desk.CreateAsync(Actor.System, new TicketForm
        {
            CustomerName = "赵喆", CustomerContact = "zhao@example.com", Subject = "Refund", Category = TicketCategories.Payment, Message = "Where is my refund?",
        })).Value;
        await desk.ReplyAsync(Actor.System, id, "Refunded today.", (await queue.FindAsync(id))!.Version, TicketStatus.Solved);
        return (id, (await surveys.LatestForTicketAsync(id))!.Token);
    }

    [Fact]
    public async Task Solving_a_ticket_creates_one_unguessable_survey_link_that_can_be_answered_once()
    {
        var surveys = _harness.Get<SurveyDesk>();
        var (id, token) = await SolveATicketAsync(_harness.Get<TicketDesk>(), _harness.Get<TicketQueue>(), surveys);

        var first = await surveys.AnswerAsync(token, 4, "Quick and kind");
        var again = await surveys.AnswerAsync(token, 1, "changed my mind");

        Assert.Equal(22, token.Length);
        Assert.Equal((SurveyAnswer.Recorded, SurveyAnswer.AlreadyAnswered), (first, again));
        var stored = (await surveys.LatestForTicketAsync(id))!;
        Assert.Equal((4, "Quick and kind"), (stored.Rating, stored.Comment));
    }

    [Fact]
    public async Task Solving_a_ticket_queues_its_survey_link_to_the_customer_in_their_language_and_an_email_waits_while_no_mailbox_can_send_it()
    {
        var desk = _harness.Get<TicketDesk>();
        var queue = _harness.Get<TicketQueue>();
        var links = _harness.Get<SurveySettings>();
        var english = (await desk.CreateAsync(Actor.System, new TicketForm
        {
            CustomerName = "Amy Chen", CustomerContact = "amy@example.com", Subject = "Size", Category = TicketCategories.ProductQuestion,
            Message = "Which size?", CustomerLanguage = "en",
        })).Value;
        await desk.ReplyAsync(Actor.System, english, "Take an M.", (await queue.FindAsync(english))!.Version, TicketStatus.Solved);
        var (chinese, token) = await SolveATicketAsync(desk, queue, _harness.Get<SurveyDesk>());

        await using var db = _harness.NewDb();
        var sent = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == Domain.Orders.NotificationKind.SurveyInvitation).ToListAsync();
        var toAmy = Assert.Single(sent, m => m.TicketId == english);
        var toZhao = Assert.Single(sent, m => m.TicketId == chinese);
        var amysToken = (await _harness.Get<SurveyDesk>().LatestForTicketAsync(english))!.Token;
        Assert.Equal(("en", "amy@example.com"), (toAmy.Language, toAmy.Recipient));
        Assert.Contains("How did we do?", toAmy.Text);
        Assert.Contains(links.LinkFor(amysToken), toAmy.Text);
        Assert.Equal("zh-Hans", toZhao.Language);
        Assert.Contains("评分", toZhao.Text);
        Assert.Contains(links.LinkFor(token), toZhao.Text);

        // Both customers have an e-mail address and no mailbox is configured here: the links wait, with the reason,
        // instead of counting as delivered (MailSendTests sends them through a real server).
        Assert.Equal(0, await _harness.Get<Domain.Orders.OrderOutbox>().DeliverPendingAsync());
        Assert.All(await db.OutboxMessages.AsNoTracking().Where(m => m.TicketId != null).ToListAsync(), m =>
        {
            Assert.Equal(Domain.Orders.DeliveryStatus.Pending, m.Status);
            Assert.Contains("No active mailbox", m.LastError);
        });
    }

    [Fact]
    public async Task A_forged_expired_or_invalid_answer_changes_nothing()
    {
        var surveys = _harness.Get<SurveyDesk>();
        var (id, token) = await SolveATicketAsync(_harness.Get<TicketDesk>(), _harness.Get<TicketQueue>(), surveys);

        Assert.Equal(SurveyAnswer.UnknownLink, await surveys.AnswerAsync("AAAAAAAAAAAAAAAAAAAAAA", 5, null));
        Assert.Equal(SurveyAnswer.UnknownLink, await surveys.AnswerAsync("../../etc/passwd", 5, null));
        Assert.Equal(SurveyAnswer.Invalid, await surveys.AnswerAsync(token, 6, null));
        Assert.Equal(SurveyAnswer.Invalid, await surveys.AnswerAsync(token, 3, new string('x', 1001)));
        _harness.Clock.Advance(SatisfactionSurvey.Lifetime);
        Assert.Equal(SurveyAnswer.Expired, await surveys.AnswerAsync(token, 3, null));
        Assert.Null((await surveys.LatestForTicketAsync(id))!.Rating);
    }

    [Fact]
    public async Task Ten_racing_submissions_of_one_link_record_exactly_one_answer()
    {
        var surveys = _harness.Get<SurveyDesk>();
        var (_, token) = await SolveATicketAsync(_harness.Get<TicketDesk>(), _harness.Get<TicketQueue>(), surveys);

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() => surveys.AnswerAsync(token, i % 5 + 1, null))));

        Assert.Single(results, r => r == SurveyAnswer.Recorded);
        Assert.All(results.Where(r => r != SurveyAnswer.Recorded), r => Assert.Equal(SurveyAnswer.AlreadyAnswered, r));
    }

    [Fact]
    public async Task Reopening_and_solving_again_asks_again()
    {
        var desk = _harness.Get<TicketDesk>();
        var queue = _harness.Get<TicketQueue>();
        var (id, first) = await SolveATicketAsync(desk, queue, _harness.Get<SurveyDesk>());

        await desk.ReopenAsync(Actor.System, id, (await queue.FindAsync(id))!.Version);
        await desk.ChangeStatusAsync(Actor.System, id, TicketStatus.Solved, (await queue.FindAsync(id))!.Version);

        await using var db = _harness.NewDb();
        Assert.Equal(2, await db.Set<SatisfactionSurvey>().CountAsync(s => s.TicketId == id));
        Assert.NotEqual(first, (await _harness.Get<SurveyDesk>().LatestForTicketAsync(id))!.Token);
    }
}

public sealed partial class SurveyPageTests(OpsWebFactoryFixture fixture) : IClassFixture<OpsWebFactoryFixture>
{
    private readonly OpsWebFactory _factory = fixture.Factory;

    [Fact]
    public async Task The_survey_page_opens_without_a_sign_in_records_one_rating_and_refuses_the_second()
    {
        var services = _factory.Services;
        var (_, token) = await SurveyTests.SolveATicketAsync(services.GetRequiredService<TicketDesk>(), services.GetRequiredService<TicketQueue>(), services.GetRequiredService<SurveyDesk>());
        var client = _factory.NewClient();

        var page = await client.GetAsync($"/survey/{token}");
        var html = await page.Content.ReadAsStringAsync();
        var first = await PostAsync(client, token, html, "5");
        var second = await PostAsync(client, token, html, "1");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("How did we do?", html, StringComparison.Ordinal);
        Assert.Contains("your rating was recorded", first, StringComparison.Ordinal);
        Assert.Contains("already been answered", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_survey_link_says_so_without_a_sign_in()
    {
        var response = await _factory.NewClient().GetAsync("/survey/not-a-real-token-000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This survey link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(HttpClient client, string token, string form, string rating)
    {
        var antiforgery = Antiforgery().Match(form).Groups[1].Value;
        var response = await client.PostAsync($"/survey/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "survey",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["Input.Rating"] = rating,
            ["Input.Comment"] = "=HYPERLINK(\"http://x\")",
        }));
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}

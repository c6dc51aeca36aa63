using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Feedback;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Feedback;

public sealed class FeedbackDeskTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private readonly Dictionary<string, Actor> _people = [];
    private int _ticket;

    private FeedbackDesk Desk => _harness.Get<FeedbackDesk>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        foreach (var person in await db.Employees.Where(e => e.UserId != null).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Id, u.Email, e.Role }).ToListAsync())
        {
            _people[person.Email!.Split('@')[0]] = Actor.Person(person.Id, person.Email, person.Role);
        }
        _ticket = (await _harness.Get<TicketDesk>().CreateAsync(_people["agent"], new TicketForm
        {
            Channel = Domain.Service.Sla.TicketChannel.OnlineChat, CustomerName = "李赟", CustomerContact = "13900139000", Subject = "包装",
            Category = TicketCategories.Other, Message = "盒子太大了，很浪费。",
        })).Value;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<int> RecordAsync(FeedbackCategory category, string text, FeedbackKind kind = FeedbackKind.Feedback) =>
        (await Desk.RecordAsync(_people["agent"], _ticket, new FeedbackForm(kind, category, text))).Value;

    private async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = _harness.NewDb();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == NotificationKind.CustomerFeedback || n.Kind == NotificationKind.FeedbackDigest).ToListAsync();
    }

    [Fact]
    public async Task Feedback_recorded_from_a_ticket_goes_to_the_department_that_owns_its_category_and_its_heads_hear_of_it()
    {
        var packaging = await RecordAsync(FeedbackCategory.Packaging, "  盒子太大了，很浪费。 ");
        var site = await RecordAsync(FeedbackCategory.Site, "详情页尺码表看不清。", FeedbackKind.Suggestion);

        var rows = await Desk.ForTicketAsync(_ticket);
        Assert.Equal([(packaging, Team.Operations, "盒子太大了，很浪费。", FeedbackState.New), (site, Team.Design, "详情页尺码表看不清。", FeedbackState.New)],
            rows.Select(r => (r.Id, r.Department, r.Text, r.State)));
        Assert.All(rows, r => Assert.Equal("李赟", r.CustomerName));
        var notified = await NotificationsAsync();
        Assert.Contains(notified, n => n.RecipientUserId == _people["opsmanager"].UserId && n.EventKey == $"feedback:{packaging}:new");
        Assert.Contains(notified, n => n.RecipientUserId == _people["designsupervisor"].UserId && n.EventKey == $"feedback:{site}:new");
        Assert.DoesNotContain(notified, n => n.RecipientUserId == _people["designsupervisor"].UserId && n.EventKey == $"feedback:{packaging}:new");
        Assert.Equal(FeedbackCategory.Service, Enum.GetValues<FeedbackCategory>().Single(c => FeedbackRules.DepartmentOf(c) == Team.CustomerService));
    }

    [Fact]
    public async Task Only_the_departments_heads_reply_and_the_second_of_two_replies_from_one_page_is_told()
    {
        var id = await RecordAsync(FeedbackCategory.Delivery, "快递员态度不好。");
        var row = (await Desk.ForTicketAsync(_ticket)).Single();

        var byDesigner = await Desk.AcknowledgeAsync(_people["designsupervisor"], id, "不是我们的", row.Version);
        var bySpecialist = await Desk.AcknowledgeAsync(_people["specialist"], id, "我来", row.Version);
        var byManager = await Desk.AcknowledgeAsync(_people["opsmanager"], id, "已与快递公司沟通，下周复查。", row.Version);
        var stale = await Desk.AcknowledgeAsync(_people["director"], id, "再看看", row.Version);

        Assert.Equal(new FieldError("Response", FeedbackRules.NotYourDepartment), Assert.Single(byDesigner.Errors));
        Assert.Equal(new FieldError("Response", FeedbackRules.NotYourDepartment), Assert.Single(bySpecialist.Errors));
        Assert.True(byManager.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        var after = (await Desk.ForTicketAsync(_ticket)).Single();
        Assert.Equal((FeedbackState.Acknowledged, "已与快递公司沟通，下周复查。"), (after.State, after.Response));
        Assert.Equal(OutcomeKind.Invalid, (await Desk.AcknowledgeAsync(_people["opsmanager"], id, " ", after.Version)).Kind);
    }

    [Fact]
    public async Task Each_person_reads_their_departments_feedback_and_what_they_recorded_while_the_director_reads_all_and_search_narrows_it()
    {
        await RecordAsync(FeedbackCategory.Packaging, "盒子太大了，很浪费。");
        await RecordAsync(FeedbackCategory.Site, "详情页尺码表看不清。", FeedbackKind.Suggestion);
        await RecordAsync(FeedbackCategory.Price, "比别家贵二十块。");

        Assert.Equal(2, (await Desk.SearchAsync(_people["specialist"], new FeedbackFilter())).Total);
        Assert.Equal(["详情页尺码表看不清。"], (await Desk.SearchAsync(_people["designer"], new FeedbackFilter())).Rows.Select(r => r.Text));
        Assert.Equal(3, (await Desk.SearchAsync(_people["agent"], new FeedbackFilter())).Total);
        Assert.Equal(3, (await Desk.SearchAsync(_people["director"], new FeedbackFilter())).Total);
        Assert.Equal(0, (await Desk.SearchAsync(_people["cssupervisor"], new FeedbackFilter())).Total);

        Assert.Equal(["比别家贵二十块。"], (await Desk.SearchAsync(_people["director"], new FeedbackFilter(Search: "二十"))).Rows.Select(r => r.Text));
        Assert.Equal(3, (await Desk.SearchAsync(_people["director"], new FeedbackFilter(Search: "李赟"))).Total);
        Assert.Equal(0, (await Desk.SearchAsync(_people["director"], new FeedbackFilter(Search: "100%"))).Total);
        Assert.Equal(["详情页尺码表看不清。"], (await Desk.SearchAsync(_people["director"], new FeedbackFilter(Kind: FeedbackKind.Suggestion))).Rows.Select(r => r.Text));
        Assert.Equal(2, (await Desk.SearchAsync(_people["director"], new FeedbackFilter(Department: Team.Operations, State: FeedbackState.New))).Total);
        var today = _harness.Get<Domain.Time.CompanyTime>().Today;
        Assert.Equal(3, (await Desk.SearchAsync(_people["director"], new FeedbackFilter(From: today, To: today))).Total);
        Assert.Equal(0, (await Desk.SearchAsync(_people["director"], new FeedbackFilter(From: today.AddDays(1)))).Total);
        Assert.Equal(2, await Desk.WaitingForAsync(_people["opsmanager"]));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_only_an_agent_records()
    {
        var empty = await Desk.RecordAsync(_people["agent"], _ticket, new FeedbackForm((FeedbackKind)9, (FeedbackCategory)9, " "));
        var tooLong = await Desk.RecordAsync(_people["agent"], _ticket, new FeedbackForm(FeedbackKind.Feedback, FeedbackCategory.Product, new string('长', FeedbackRules.MaxTextLength + 1)));
        var designer = await Desk.RecordAsync(_people["designer"], _ticket, new FeedbackForm(FeedbackKind.Feedback, FeedbackCategory.Product, "好"));
        var noTicket = await Desk.RecordAsync(_people["agent"], 999_999, new FeedbackForm(FeedbackKind.Feedback, FeedbackCategory.Product, "好"));

        Assert.Equal(["Category", "Kind", "Text"], empty.Errors.Select(e => e.Field).Order());
        Assert.Equal(new FieldError("Text", "TooLong"), Assert.Single(tooLong.Errors));
        Assert.Equal(Actor.NotPermitted, Assert.Single(designer.Errors));
        Assert.Equal(OutcomeKind.NotFound, noTicket.Kind);
        Assert.Empty(await Desk.ForTicketAsync(_ticket));
    }

    [Fact]
    public async Task The_monthly_digest_lists_last_months_feedback_per_department_once_with_customer_text_kept_as_text()
    {
        await RecordAsync(FeedbackCategory.Product, "=HYPERLINK(\"http://evil.example\",\"点我\")");
        await RecordAsync(FeedbackCategory.Site, "首页加载慢。", FeedbackKind.Suggestion);
        _harness.Clock.Advance(TimeSpan.FromDays(7)); // 2026-12-04: November is last month.
        await RecordAsync(FeedbackCategory.Product, "十二月的意见，不进十一月的汇总。");
        var digests = _harness.Get<FeedbackDigests>();
        Assert.Equal(new DateOnly(2026, 11, 1), digests.LastMonth);

        var built = await digests.BuildAsync(digests.LastMonth, key => key == "Lists.Export.Culture" ? "en" : key, "en");
        var again = await digests.BuildAsync(digests.LastMonth, key => key == "Lists.Export.Culture" ? "en" : key, "en");

        Assert.Equal((3, 0), (built, again));
        var list = await digests.ListAsync(_people["director"]);
        Assert.Equal([(Team.CustomerService, 0), (Team.Design, 1), (Team.Operations, 1)], list.Select(d => (d.Department, d.Entries)).OrderBy(d => d.Department.ToString()));
        var operations = list.Single(d => d.Department == Team.Operations);
        Assert.Equal([Team.Operations], (await digests.ListAsync(_people["specialist"])).Select(d => d.Department));
        Assert.Null(await digests.DownloadAsync(_people["designer"], operations.Id));
        var file = (await digests.DownloadAsync(_people["specialist"], operations.Id))!.Value;
        Assert.Equal("feedback-operations-2026-11.xlsx", file.FileName);
        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheets.First();
        var cells = sheet.CellsUsed().ToList();
        var formula = Assert.Single(cells, c => c.GetString().Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.False(formula.HasFormula);
        Assert.DoesNotContain(cells, c => c.GetString().Contains("十二月", StringComparison.Ordinal));
        Assert.Contains(await NotificationsAsync(), n => n.Kind == NotificationKind.FeedbackDigest && n.RecipientUserId == _people["opsmanager"].UserId
            && n.EventKey == "feedback-digest:Operations:2026-11");
    }
}

using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Service.Answers;

public sealed class AnswerLibraryTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;
    private readonly Dictionary<string, Actor> _actors = [];

    private AnswerLibrary Library => _harness.Get<AnswerLibrary>();

    private Actor Agent => _actors["agent@ecomops.local"];

    private Actor Supervisor => _actors["cssupervisor@ecomops.local"];

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = _harness.NewDb();
        foreach (var user in await db.Users.ToListAsync())
        {
            _actors[user.UserName!] = new Actor(user.Id, user.UserName!);
        }
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static AnswerForm Form(string title = "预售发货时间") => new()
    {
        Title = title,
        Body = "{customer_name}您好，预售商品将在付款后15天内发货。",
        Category = TicketCategories.Shipping,
        Tags = ["预售", " 发货 ", "预售"],
        Language = AnswerLanguages.Chinese,
    };

    [Fact]
    public async Task A_supervisors_answer_is_approved_at_once_and_an_agents_proposal_waits()
    {
        var created = await Library.CreateAsync(Supervisor, Form());
        var proposed = await Library.ProposeAsync(Agent, Form("另一个提议"));

        Assert.Equal(AnswerStatus.Approved, created.Value!.Status);
        Assert.Equal(["预售", "发货"], created.Value.Tags);
        Assert.Equal(AnswerStatus.Proposed, proposed.Value!.Status);
        Assert.Equal("agent@ecomops.local", proposed.Value.ProposedBy);
    }

    [Fact]
    public async Task A_proposal_is_not_suggested_until_approved_and_no_longer_once_retired()
    {
        var proposed = (await Library.ProposeAsync(Agent, Form("预售商品什么时候发货"))).Value!;
        bool Suggested(IReadOnlyList<AnswerMatch> matches) => matches.Any(m => m.Answer.Id == proposed.Id);

        var before = await Library.SuggestAsync("预售商品什么时候发货", TicketCategories.Shipping, top: 20);
        var approved = await Library.ApproveAsync(Supervisor, proposed.Id, proposed.Version);
        var during = await Library.SuggestAsync("预售商品什么时候发货", TicketCategories.Shipping, top: 20);
        var retired = await Library.RetireAsync(Supervisor, proposed.Id, approved.Value!.Version);
        var after = await Library.SuggestAsync("预售商品什么时候发货", TicketCategories.Shipping, top: 20);

        Assert.False(Suggested(before));
        Assert.True(approved.Succeeded);
        Assert.True(Suggested(during));
        Assert.Equal(proposed.Id, during[0].Answer.Id);
        Assert.Equal(AnswerStatus.Retired, retired.Value!.Status);
        Assert.False(Suggested(after));
    }

    [Fact]
    public async Task An_agents_reply_is_proposed_with_the_tickets_values_turned_into_placeholders()
    {
        var values = new AnswerPlaceholders("李堃", "TB-2051000001", "T000001", "刘洋 Liu Yang");

        var outcome = await Library.ProposeReplyAsync(Agent, "李堃您好，订单TB-2051000001已加急处理。", "快递三天没有更新", TicketCategories.Shipping, values);

        Assert.Equal("{customer_name}您好，订单{order_no}已加急处理。", outcome.Value!.Body);
        Assert.Equal("快递三天没有更新", outcome.Value.Title);
        Assert.Equal(AnswerLanguages.Chinese, outcome.Value.Language);
        Assert.Equal(AnswerStatus.Proposed, outcome.Value.Status);
    }

    [Fact]
    public async Task Title_and_body_are_required_and_limited_in_length()
    {
        var empty = await Library.CreateAsync(Supervisor, Form() with { Title = " ", Body = "" });
        var tooLong = await Library.CreateAsync(Supervisor, Form() with { Title = new string('长', AnswerRules.MaxTitleLength + 1), Body = new string('x', AnswerRules.MaxBodyLength + 1) });
        var badLanguage = await Library.ProposeAsync(Agent, Form() with { Language = "fr", Category = "Nope" });

        Assert.Equal(OutcomeKind.Invalid, empty.Kind);
        Assert.Contains(new FieldError("Title", "Required"), empty.Errors);
        Assert.Contains(new FieldError("Body", "Required"), empty.Errors);
        Assert.Contains(new FieldError("Title", "AnswerTitleTooLong"), tooLong.Errors);
        Assert.Contains(new FieldError("Body", "AnswerBodyTooLong"), tooLong.Errors);
        Assert.Contains(new FieldError("Language", "UnknownLanguage"), badLanguage.Errors);
        Assert.Contains(new FieldError("Category", "UnknownCategory"), badLanguage.Errors);
        await using var db = _harness.NewDb();
        Assert.False(await db.StandardAnswers.AnyAsync(a => a.Title == "" || a.Language == "fr"));
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_and_keeps_the_other_change()
    {
        var created = (await Library.CreateAsync(Supervisor, Form())).Value!;
        var first = await Library.UpdateAsync(Supervisor, created.Id, created.ToForm() with { Title = "第一位主管的标题" });
        var stale = await Library.UpdateAsync(Supervisor, created.Id, created.ToForm() with { Title = "第二位主管的标题" });
        var staleRetire = await Library.RetireAsync(Supervisor, created.Id, created.Version);

        Assert.True(first.Succeeded);
        Assert.Equal(created.Version + 1, first.Value!.Version);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(OutcomeKind.Conflict, staleRetire.Kind);
        var stored = (await Library.FindAsync(created.Id))!;
        Assert.Equal("第一位主管的标题", stored.Title);
        Assert.Equal(AnswerStatus.Approved, stored.Status);
    }

    [Fact]
    public async Task Twenty_concurrent_uses_are_all_counted_and_do_not_make_an_open_edit_stale()
    {
        var created = (await Library.CreateAsync(Supervisor, Form())).Value!;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Library.RecordUseAsync(created.Id))));
        var edit = await Library.UpdateAsync(Supervisor, created.Id, created.ToForm() with { Title = "改过的标题" });

        var stored = (await Library.FindAsync(created.Id))!;
        Assert.Equal(20, stored.UsageCount);
        Assert.Equal(_harness.Clock.GetUtcNow().UtcDateTime, stored.LastUsedAtUtc);
        Assert.True(edit.Succeeded);
    }

    [Fact]
    public async Task Most_used_lists_approved_answers_by_use_and_never_used_lists_the_unused_ones()
    {
        var popular = (await Library.CreateAsync(Supervisor, Form("常用"))).Value!;
        var sometimes = (await Library.CreateAsync(Supervisor, Form("偶尔用"))).Value!;
        var unused = (await Library.CreateAsync(Supervisor, Form("没人用"))).Value!;
        var retired = (await Library.CreateAsync(Supervisor, Form("已停用"))).Value!;
        await Library.RetireAsync(Supervisor, retired.Id, retired.Version);
        for (var i = 0; i < 3; i++)
        {
            await Library.RecordUseAsync(popular.Id);
        }
        await Library.RecordUseAsync(sometimes.Id);
        await Library.RecordUseAsync(retired.Id);

        var most = await Library.MostUsedAsync();
        var never = await Library.NeverUsedAsync(take: 200);

        Assert.Equal([popular.Id, sometimes.Id], most.Select(r => r.Id));
        Assert.Contains(never, r => r.Id == unused.Id);
        Assert.DoesNotContain(never, r => r.Id == popular.Id || r.Id == retired.Id);
    }

    [Fact]
    public async Task Search_filters_by_text_category_language_and_status_and_pages_on_the_server()
    {
        await Library.ProposeAsync(Agent, Form("预售提议"));

        var page = await Library.SearchAsync(new AnswerQuery(Take: 5));
        var shippingZh = await Library.SearchAsync(new AnswerQuery(Category: TicketCategories.Shipping, Language: AnswerLanguages.Chinese, Status: AnswerStatus.Approved));
        var byTag = await Library.SearchAsync(new AnswerQuery(Search: "预售"));

        Assert.Equal(5, page.Items.Count);
        Assert.Equal(13, page.Total);
        Assert.All(shippingZh.Items, r => Assert.True(r.Category == TicketCategories.Shipping && r.Language == AnswerLanguages.Chinese));
        Assert.Contains(shippingZh.Items, r => r.Title == "包裹物流未更新");
        Assert.Equal("预售提议", Assert.Single(byTag.Items).Title);
    }

    [Fact]
    public async Task The_minimal_demo_library_suggests_a_chinese_shipping_answer_for_a_parcel_that_does_not_move()
    {
        var matches = await Library.SuggestAsync("我的包裹三天没有动了。", TicketCategories.Shipping);

        var best = matches[0].Answer;
        Assert.Equal(TicketCategories.Shipping, best.Category);
        Assert.Equal(AnswerLanguages.Chinese, best.Language);
        Assert.Contains("{customer_name}", best.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standard_demo_library_has_about_150_answers_in_both_languages_with_proposals_retired_and_unused_ones()
    {
        await using var harness = await DomainHarness.StartAsync();
        await using (var seeding = harness.NewDb())
        {
            await new AnswerDemoData(harness.Clock).SeedAsync(seeding, DemoSize.Standard, new Random(DemoDataGenerator.Seed), default);
        }
        await using var db = harness.NewDb();
        var answers = await db.StandardAnswers.ToListAsync();

        Assert.InRange(answers.Count, 120, 180);
        Assert.All(TicketCategories.All, c => Assert.Contains(answers, a => a.Category == c && a.Language == AnswerLanguages.Chinese));
        Assert.Contains(answers, a => a.Language == AnswerLanguages.English);
        Assert.Contains(answers, a => a.Status == AnswerStatus.Proposed);
        Assert.Contains(answers, a => a.Status == AnswerStatus.Retired);
        Assert.Contains(answers, a => a.Status == AnswerStatus.Approved && a.UsageCount == 0);
        Assert.Contains(answers, a => a.UsageCount > 100);
    }
}

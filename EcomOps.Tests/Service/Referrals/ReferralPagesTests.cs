using System.Security.Claims;
using Bunit;
using EcomOps.Console.Features.Service.Referrals;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Referrals;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Referrals;

/// <summary>The department's referrals page and the ticket's referrals panel, on real SQLite.</summary>
public sealed class ReferralPagesTests : IAsyncLifetime
{
    private ReferralWorld _world = default!;

    private DomainHarness _harness => _world.Harness;
    private Employee _agent => _world.Agent;
    private Employee _specialist => _world.Specialist;
    private int _ticket => _world.Ticket;

    private static Actor As(Employee e) => ReferralWorld.As(e);

    public async Task InitializeAsync() => _world = await ReferralWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BunitContext Context(Employee e)
    {
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<ReferralDesk>());
        ctx.AddAuthorization().SetAuthorized(e.Email).SetRoles(e.Role).SetClaims(new Claim(ClaimTypes.NameIdentifier, e.UserId!));
        return ctx;
    }

    [Fact]
    public async Task A_specialist_answers_a_referral_on_the_departments_page_and_the_agents_panel_shows_the_answer_live_ready_to_put_into_the_reply()
    {
        await using var agentCtx = Context(_agent);
        string? putIntoReply = null;
        var panel = agentCtx.Render<TicketReferralsPanel>(p => p.Add(x => x.TicketId, _ticket).Add(x => x.CanRefer, true)
            .Add(x => x.OnSendOn, (string text) => putIntoReply = text));
        panel.WaitForElement("[data-testid=referrals-none]");
        var id = (await _harness.Get<ReferralDesk>().ReferAsync(As(_agent), _ticket,
            new ReferralForm(Team.Operations, null, "灰色款下周能补货吗？", _harness.Clock.GetUtcNow().UtcDateTime.AddHours(4)))).Value;
        panel.WaitForElement($"[data-testid=referral-{id}] [data-testid=sla-countdown]");

        await using var ctx = Context(_specialist);
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<ReferralsPage>();
        page.WaitForElement($"[data-testid=referral-row-{id}]");
        Assert.Contains("灰色款下周能补货吗？", page.Find($"[data-testid=referral-row-{id}]").TextContent, StringComparison.Ordinal);
        page.Find($"[data-testid=referral-answer-input-{id}]").Input("周三到货，周四可发。");
        page.Find($"[data-testid=referral-answer-send-{id}]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains($"{TicketReferral.NumberOf(id)} answered", snackbars.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("Answered", page.Find($"[data-testid=referral-row-{id}]").GetAttribute("data-state")));
        panel.WaitForElement($"[data-testid=referral-answer-{id}]");
        panel.Find($"[data-testid=referral-send-on-{id}]").Click();
        Assert.Equal("周三到货，周四可发。", putIntoReply);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_with_its_message_and_the_referral_stays_open()
    {
        var id = (await _harness.Get<ReferralDesk>().ReferAsync(As(_agent), _ticket,
            new ReferralForm(Team.Operations, null, "能开发票吗？", _harness.Clock.GetUtcNow().UtcDateTime.AddHours(2)))).Value;
        await using var ctx = Context(_specialist);
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<ReferralsPage>();
        page.WaitForElement($"[data-testid=referral-answer-send-{id}]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Write the answer.", snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal("Open", page.Find($"[data-testid=referral-row-{id}]").GetAttribute("data-state"));
    }

    [Fact]
    public async Task A_designer_sees_no_referrals_of_operations()
    {
        await _harness.Get<ReferralDesk>().ReferAsync(As(_agent), _ticket,
            new ReferralForm(Team.Operations, null, "能开发票吗？", _harness.Clock.GetUtcNow().UtcDateTime.AddHours(2)));
        await using var db = _harness.NewDb();
        var designer = await db.Employees.AsNoTracking().FirstAsync(e => e.Active && e.UserId != null && e.Role == Roles.Designer);
        await using var ctx = Context(designer);

        var page = ctx.Render<ReferralsPage>();

        page.WaitForElement("[data-testid=referrals-empty]");
    }
}

using Bunit;
using EcomOps.Console.Features.Service.Answers;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Answers;

public sealed class AnswersPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    private AnswerLibrary Library => _harness.Get<AnswerLibrary>();

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static AnswerForm Form(string title) => new()
    {
        Title = title,
        Body = "{customer_name}您好，包裹已发出。",
        Category = TicketCategories.Shipping,
        Language = AnswerLanguages.Chinese,
    };

    private (IRenderedComponent<AnswersPage> Page, IRenderedComponent<MudSnackbarProvider> Snackbars) Render(BunitContext ctx, string role, params string[] policies)
    {
        ctx.Services.AddSingleton(Library);
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role).SetPolicies(policies);
        ctx.Render<MudPopoverProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        return (ctx.Render<AnswersPage>(), snackbars);
    }

    [Fact]
    public async Task A_supervisor_approves_a_proposal_and_a_stale_approval_is_refused_with_a_reload_message()
    {
        var proposed = (await Library.ProposeAsync(Actor.System, Form("代理提议的答案"))).Value!;
        var other = (await Library.ProposeAsync(Actor.System, Form("另一条提议"))).Value!;
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (page, snackbars) = Render(ctx, Roles.CsSupervisor, Permissions.WorkTickets, Permissions.SuperviseService);

        page.WaitForElement($"[data-testid=answer-approve-{proposed.Id}]").Click();
        page.WaitForAssertion(() => Assert.Equal("Approved", page.Find($"[data-testid=answer-status-{proposed.Id}]").TextContent.Trim()));

        // Someone else retires the other proposal while this page still shows the old version.
        await Library.RetireAsync(Actor.System, other.Id, other.Version);
        page.Find($"[data-testid=answer-approve-{other.Id}]").Click();

        page.WaitForAssertion(() => Assert.Equal("Retired", page.Find($"[data-testid=answer-status-{other.Id}]").TextContent.Trim()));
        snackbars.WaitForAssertion(() => Assert.Contains("changed by someone else", snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal(AnswerStatus.Retired, (await Library.FindAsync(other.Id))!.Status);
    }

    [Fact]
    public async Task An_agent_sees_only_approved_answers_and_no_curating_actions()
    {
        var approved = (await Library.CreateAsync(Actor.System, Form("已批准的答案"))).Value!;
        var proposed = (await Library.ProposeAsync(Actor.System, Form("待审核的答案"))).Value!;
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (page, _) = Render(ctx, Roles.CsAgent, Permissions.WorkTickets);

        page.WaitForElement($"[data-testid=answer-row-{approved.Id}]");

        Assert.Empty(page.FindAll($"[data-testid=answer-row-{proposed.Id}]"));
        Assert.Empty(page.FindAll("[data-testid^=answer-approve-], [data-testid^=answer-retire-], [data-testid^=answer-edit-], [data-testid=answer-status-filter]"));
        Assert.Contains("Propose an answer", page.Find("[data-testid=answer-new]").TextContent, StringComparison.Ordinal);
    }
}

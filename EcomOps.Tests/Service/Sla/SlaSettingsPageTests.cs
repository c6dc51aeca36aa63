using AngleSharp.Dom;
using Bunit;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Sla;

public sealed class SlaSettingsPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    private SlaSettingsDesk Desk => _harness.Get<SlaSettingsDesk>();

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private (IRenderedComponent<SlaSettingsPage> Page, IRenderedComponent<MudSnackbarProvider> Snackbars) Render(BunitContext ctx)
    {
        ctx.Services.AddSingleton(Desk);
        ctx.Services.AddSingleton(_harness.Get<CalendarDesk>());
        ctx.AddAuthorization().SetAuthorized("cssupervisor@ecomops.local").SetRoles(Roles.CsSupervisor)
            .SetPolicies(Permissions.WorkTickets, Permissions.SuperviseService);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        return (ctx.Render<SlaSettingsPage>(), snackbars);
    }

    private static IElement InputOf(IRenderedComponent<SlaSettingsPage> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    [Fact]
    public async Task The_page_lists_the_policies_in_order_and_says_nobody_changed_the_defaults()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (page, _) = Render(ctx);

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-testid=sla-policy-row]").Count));
        Assert.Equal(["Urgent", "Complaint", "Online chat", "Hotline", "Standard"], page.FindAll("[data-testid=sla-policy-row] b").Select(b => b.TextContent));
        Assert.Contains("nobody has changed them", page.Find("[data-testid=sla-last-saved]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backwards_hours_are_listed_with_their_weekday_and_nothing_is_saved()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (page, _) = Render(ctx);
        page.WaitForElement("[data-testid=sla-policy-row]");

        InputOf(page, "sla-hours-Monday").Input("18:00-09:00");
        page.Find("[data-testid=sla-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Monday: Each stretch must close after it opens.", page.Find("[data-testid=sla-errors]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, (await Desk.LoadAsync()).Version);
    }

    [Fact]
    public async Task Saving_reports_the_recomputed_tickets_and_a_stale_page_is_told_to_reload()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (page, snackbars) = Render(ctx);
        page.WaitForElement("[data-testid=sla-policy-row]");

        page.Find("[data-testid=sla-save]").Click();
        snackbars.WaitForAssertion(() => Assert.Contains("open tickets recomputed", snackbars.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Last saved by", page.Find("[data-testid=sla-last-saved]").TextContent, StringComparison.Ordinal));

        // Someone else saves while this page still holds version 1.
        var current = await Desk.LoadAsync();
        Assert.True((await Desk.SaveAsync(Actor.System, current.Settings, current.Version)).Succeeded);
        page.Find("[data-testid=sla-save]").Click();

        page.WaitForElement("[data-testid=sla-conflict]");
        Assert.Equal(current.Version + 1, (await Desk.LoadAsync()).Version);
    }
}

using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using EcomOps.Console.Features.Service;
using EcomOps.Domain.Calendars;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Calendars;

public sealed class CalendarDaysSectionTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await _harness.Get<CalendarDays>().SeedAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<(IRenderedComponent<CalendarDaysSection> Section, IRenderedComponent<MudSnackbarProvider> Snackbars)> RenderAsync(BunitContext ctx, string role)
    {
        await using var db = _harness.NewDb();
        var employee = await db.Employees.FirstAsync(e => e.Role == role && e.Active && e.UserId != null);
        ctx.Services.AddSingleton(_harness.Get<CalendarDesk>());
        ctx.AddAuthorization().SetAuthorized(employee.Email).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, employee.UserId!));
        ctx.Render<MudPopoverProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        return (ctx.Render<CalendarDaysSection>(), snackbars);
    }

    private static IElement InputOf(IRenderedComponent<CalendarDaysSection> section, string testId)
    {
        var element = section.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    [Fact]
    public async Task The_section_lists_the_desks_coming_days_and_saves_an_edited_name_at_once()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (section, snackbars) = await RenderAsync(ctx, Roles.CsSupervisor);

        // 27 November 2026 today: the 2026 Spring Festival days are past, the two of 2027 are ahead.
        section.WaitForAssertion(() => Assert.Equal(2, section.FindAll("[data-testid=calendar-day-row]").Count));
        section.FindAll("[data-testid=calendar-day-edit]")[0].Click();
        InputOf(section, "calendar-day-name").Change("除夕 short day");
        section.Find("[data-testid=calendar-day-save]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains("Day saved.", snackbars.Markup, StringComparison.Ordinal));
        section.WaitForAssertion(() => Assert.Contains("除夕 short day", section.FindAll("[data-testid=calendar-day-row]")[0].TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_day_without_a_date_says_so_and_someone_without_the_permission_is_told_nothing_was_saved()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var (section, _) = await RenderAsync(ctx, Roles.CsSupervisor);
        section.WaitForElement("[data-testid=calendar-day-row]");

        section.Find("[data-testid=calendar-day-save]").Click();
        section.WaitForAssertion(() => Assert.Contains("Choose a date.", section.Markup, StringComparison.Ordinal));

        await using var agentCtx = ComponentHarness.NewContext(_harness);
        var (agentSection, _) = await RenderAsync(agentCtx, Roles.CsAgent);
        agentSection.WaitForElement("[data-testid=calendar-day-row]");
        agentSection.FindAll("[data-testid=calendar-day-remove]")[0].Click();

        agentSection.WaitForAssertion(() => Assert.Contains("Only a customer-service supervisor or the operations director may change the calendars.",
            agentSection.Find("[data-testid=calendar-days-refused]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, agentSection.FindAll("[data-testid=calendar-day-row]").Count);
    }
}

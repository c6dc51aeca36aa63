using EcomOps.Console.Jobs;
using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// The console on a clock the journey moves: it starts at the real time (cookies issued now stay valid in the
/// browser) and goes forward when the journey says, so a reminder's instant can pass while the pages stay open.
/// </summary>
public sealed class ClockedBrowserHost : BrowserHost
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override OpsWebFactory CreateConsole() => new() { TestServices = services => services.AddSingleton<TimeProvider>(Clock) };
}

/// <summary>A training from the supervisor's schedule to the plan's "done", with the agent's reminder arriving live.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class TrainingJourneys(ClockedBrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<ClockedBrowserHost>
{
    private const string Title = "旅程培训 · Journey: calming an upset customer";

    private static ILocator Input(IPage page, string testId) => page.Locator($"[data-testid={testId}]").Locator("xpath=self::input | .//input").First;

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    [SkippableFact]
    public async Task A_supervisor_schedules_an_agent_enrols_is_reminded_live_attends_passes_and_the_plan_counts_the_session_done()
    {
        var clock = ((ClockedBrowserHost)Host).Clock;
        var factory = Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>();
        var time = Host.Services.GetRequiredService<CompanyTime>();

        // The CS supervisor schedules a session for her team, trained by herself (a week ahead at 10:00 by default).
        var supervisor = await SignedInAsync("cssupervisor@ecomops.local");
        await OpenAsync(supervisor, "people/training");
        await supervisor.Locator("[data-testid=training-schedule]").ClickAsync();
        await Input(supervisor, "schedule-title").FillAsync(Title);
        await supervisor.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Trainer" }).First.ClickAsync();
        await supervisor.Locator(".mud-popover-open").GetByText("陈静 Chen Jing", new() { Exact = false }).First.ClickAsync();
        await Expect(supervisor.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Input(supervisor, "schedule-place").FillAsync("3F 培训室 · training room");
        await supervisor.Locator("[data-testid=schedule-save]").ClickAsync();
        await Expect(supervisor.Locator(".mud-dialog")).ToHaveCountAsync(0);

        int id, agentId;
        string agentUser;
        DateTime start;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var session = await db.Set<TrainingSession>().AsNoTracking().SingleAsync(s => s.Title == Title);
            (id, start) = (session.Id, session.StartsAtUtc);
            Assert.Equal(Team.CustomerService, session.Team);
            var agent = await db.Employees.AsNoTracking().SingleAsync(e => e.Email == "agent@ecomops.local");
            (agentId, agentUser) = (agent.Id, agent.UserId!);
        }
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(time.ToLocal(start)));

        // The agent enrols from the session's page and keeps a page open.
        var agentPage = await SignedInAsync("agent@ecomops.local");
        await OpenAsync(agentPage, $"people/training/sessions/{id}");
        await agentPage.Locator("[data-testid=session-enrol-me]").ClickAsync();
        await Expect(agentPage.Locator("[data-testid=session-my-state]")).ToContainTextAsync("Enrolled");
        var centre = Host.Services.GetRequiredService<NotificationCentre>();
        var unreadBefore = await centre.UnreadCountAsync(agentUser);

        // The clock passes the reminder's instant (the day before, 09:00 company time) and the job runs: the agent's
        // bell counts it and the notice shows, without a reload.
        var due = TrainingRules.ReminderDueUtc(start, Host.Services.GetRequiredService<TrainingSettings>(), time.Zone);
        clock.SetUtcNow(new DateTimeOffset(due.AddMinutes(1)));
        ((IRecurringJobManagerV2)Host.Services.GetRequiredService<IRecurringJobManager>()).TriggerJob(RecurringJobs.TrainingReminders);
        await Expect(agentPage.Locator(".mud-snackbar").Filter(new() { HasText = "Journey: calming an upset customer" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var unreadAfter = await centre.UnreadCountAsync(agentUser);
        Assert.True(unreadAfter > unreadBefore);
        await Expect(agentPage.Locator("[data-testid=notification-bell] [role=status].mud-badge")).ToHaveTextAsync($"{Math.Min(unreadAfter, 99)}{(unreadAfter > 99 ? "+" : "")}");
        await agentPage.Locator("[data-testid=notification-bell-button]").ClickAsync();
        var reminder = agentPage.Locator("[data-testid=notification-item]").Filter(new() { HasText = "Journey: calming" });
        await Expect(reminder).ToHaveCountAsync(1);
        await agentPage.ScreenshotAsync(new() { Path = LiveLanguageJourneys.ShotPath("notification-bell-open.png") });
        // Opening the notice reads it and closes the bell's menu (the shell stays on the page across the navigation).
        await reminder.Locator("button").ClickAsync();
        await Expect(agentPage.Locator("[data-testid=notification-bell]")).Not.ToHaveAttributeAsync("open", new System.Text.RegularExpressions.Regex(".*"));
        await Expect(agentPage.Locator("[data-testid=notification-bell] [role=status].mud-badge")).Not.ToHaveTextAsync($"{Math.Min(unreadAfter, 99)}{(unreadAfter > 99 ? "+" : "")}");
        Assert.Equal(unreadAfter - 1, await centre.UnreadCountAsync(agentUser));

        // The session is held; the trainer takes attendance, then records the result.
        var month = time.ToLocal(start).Month;
        var heldBefore = (await Host.Services.GetRequiredService<TrainingQueries>().ProgressAsync(Team.CustomerService, time.ToLocal(start).Year))[month - 1].Held;
        clock.SetUtcNow(new DateTimeOffset(start.AddHours(2)));
        // A week later her sign-in (12 hours) has run out: she signs in again.
        await SignInAsync(supervisor, "cssupervisor@ecomops.local");
        await OpenAsync(supervisor, $"people/training/sessions/{id}");
        await Input(supervisor, $"attendee-present-{agentId}").CheckAsync();
        await supervisor.Locator("[data-testid=session-save-attendance]").ClickAsync();
        await Input(supervisor, $"attendee-score-{agentId}").FillAsync("120");
        await supervisor.Locator("[data-testid=session-save-results]").ClickAsync();
        await Expect(supervisor.Locator(".mud-snackbar").Filter(new() { HasText = "A score is from 0 to 100" })).ToBeVisibleAsync();
        await Input(supervisor, $"attendee-score-{agentId}").FillAsync("85");
        await supervisor.Locator("[data-testid=session-save-results]").ClickAsync();
        await Expect(supervisor.Locator($"[data-testid=attendee-result-{agentId}]")).ToContainTextAsync("85 · Passed");

        // The plan shows the session done in its month.
        await OpenAsync(supervisor, $"people/training?year={time.ToLocal(start).Year}");
        await Expect(supervisor.Locator($"[data-testid=plan-held-CustomerService-{month}]")).ToHaveTextAsync($"{heldBefore + 1}");
        Assert.Empty(BrowserErrors);
    }
}

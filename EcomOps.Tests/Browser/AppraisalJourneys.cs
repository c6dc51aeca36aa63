using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// An appraisal from the agent's self-assessment through the supervisor's scoring, the director's calibration and the
/// supervisor's interview with an improvement plan, to the agent reading and acknowledging the closed result.
/// </summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class AppraisalJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    private static ILocator Input(IPage page, string testId) => page.Locator($"[data-testid={testId}]").Locator("xpath=self::input | self::textarea | .//input | .//textarea").First;

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

    private static async Task PickAsync(IPage page, string testId, string text)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task An_agent_assesses_herself_the_supervisor_scores_the_director_calibrates_the_interview_sets_a_plan_and_the_agent_acknowledges_her_grade()
    {
        var factory = Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>();

        // The CS supervisor opens this year's annual cycle for her team.
        var supervisor = await SignedInAsync("cssupervisor@ecomops.local");
        await OpenAsync(supervisor, "people/appraisals");
        await PickAsync(supervisor, "open-frequency", "Annual");
        await supervisor.Locator("[data-testid=open-cycle]").ClickAsync();
        await Expect(supervisor.Locator(".mud-snackbar").Filter(new() { HasText = "The cycle is open" })).ToBeVisibleAsync();

        int cycleId, appraisalId, otherId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var cycle = await db.Set<AppraisalCycle>().AsNoTracking().Include(c => c.Appraisals).ThenInclude(a => a.Employee)
                .SingleAsync(c => c.Team == Team.CustomerService && c.Frequency == AppraisalFrequency.Annual);
            cycleId = cycle.Id;
            appraisalId = cycle.Appraisals.Single(a => a.Employee!.Email == "agent@ecomops.local").Id;
            otherId = cycle.Appraisals.First(a => a.Employee!.Email != "agent@ecomops.local").Id;
        }

        // The agent finds her appraisal in the cycle's list (she sees only her own) and assesses herself.
        var agent = await SignedInAsync("agent@ecomops.local");
        await OpenAsync(agent, $"people/appraisals?cycle={cycleId}");
        await Expect(agent.Locator("[data-testid=appraisals-rows] tbody tr")).ToHaveCountAsync(1);
        await agent.Locator("[data-testid=appraisals-rows] a").First.ClickAsync();
        await agent.WaitForURLAsync($"**/people/appraisals/{appraisalId}", Committed);
        await WaitForCircuitAsync(agent);
        foreach (var criterion in AppraisalPolicy.DefaultQualitative)
        {
            await PickAsync(agent, $"score-{criterion.Key}", "4 · Exceeds expectations");
        }
        await Input(agent, "appraisal-comment").FillAsync("I answered the peak-season queue on time.");
        await agent.Locator("[data-testid=appraisal-submit]").ClickAsync();
        await Expect(agent.Locator("[data-testid=appraisal-stage]")).ToHaveTextAsync("Head's scoring");
        await Expect(agent.Locator("[data-testid=appraisal-waiting]")).ToContainTextAsync("Waiting for the head's scoring");

        // A colleague's appraisal is not hers to open.
        await OpenAsync(agent, $"people/appraisals/{otherId}");
        await Expect(agent.Locator("[data-testid=appraisal-missing]")).ToBeVisibleAsync();

        // The supervisor scores, starting from the agent's own scores, with a comment on teamwork.
        await OpenAsync(supervisor, $"people/appraisals/{appraisalId}");
        await Expect(supervisor.Locator("[data-testid=appraisal-qualitative]")).ToContainTextAsync("4 · Exceeds expectations");
        await PickAsync(supervisor, "score-innovation", "3 · Meets expectations");
        await Input(supervisor, "comment-teamwork").FillAsync("Covers colleagues' chats without being asked.");
        await Input(supervisor, "appraisal-comment").FillAsync("A reliable quarter.");
        await supervisor.Locator("[data-testid=appraisal-submit]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=appraisal-stage]")).ToHaveTextAsync("Calibration");

        // The director sees the team's distribution and calibrates: a reason is needed to move the score.
        var director = await SignedInAsync("director@ecomops.local");
        await OpenAsync(director, $"people/appraisals/{appraisalId}");
        await Expect(director.Locator("[data-testid=appraisal-distribution]")).ToBeVisibleAsync();
        await Input(director, "calibration-adjustment").FillAsync("2");
        await director.Locator("[data-testid=appraisal-submit]").ClickAsync();
        await Expect(director.Locator("[data-testid=appraisal-step-form]")).ToContainTextAsync("Say why the score is adjusted.");
        await Input(director, "calibration-reason").FillAsync("Carried the team through the November peak");
        await director.Locator("[data-testid=appraisal-submit]").ClickAsync();
        await Expect(director.Locator("[data-testid=appraisal-stage]")).ToHaveTextAsync("Interview");

        // The supervisor records the interview and an improvement plan; the appraisal closes.
        await OpenAsync(supervisor, $"people/appraisals/{appraisalId}");
        await Input(supervisor, "interview-strengths").FillAsync("Fast, friendly replies");
        await Input(supervisor, "interview-weaknesses").FillAsync("Complaint follow-ups slip");
        await Input(supervisor, "interview-remarks").FillAsync("Agrees; wants the complaint training");
        await Input(supervisor, "goal-text-0").FillAsync("Follow up every complaint within 48 hours");
        await Input(supervisor, "goal-measure-0").FillAsync("Complaint satisfaction at least 90%");
        await supervisor.Locator("[data-testid=appraisal-submit]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=appraisal-stage]")).ToHaveTextAsync("Closed");

        Appraisal closed;
        await using (var db = await factory.CreateDbContextAsync())
        {
            closed = await db.Set<Appraisal>().AsNoTracking().Include(a => a.Goals).SingleAsync(a => a.Id == appraisalId);
        }
        Assert.Equal(2, closed.CalibrationAdjustment);
        Assert.NotNull(closed.QuantitativeFrozenAtUtc);
        Assert.Single(closed.Goals);

        // The agent reads her result — grade and bonus coefficient — with the plan, and acknowledges it.
        await OpenAsync(agent, $"people/appraisals/{appraisalId}");
        await Expect(agent.Locator("[data-testid=appraisal-grade]")).ToHaveTextAsync(closed.Grade!);
        await Expect(agent.Locator("[data-testid=appraisal-bonus]")).ToHaveTextAsync($"×{closed.BonusCoefficient:0.00}");
        await Expect(agent.Locator("[data-testid=appraisal-goals]")).ToContainTextAsync("Follow up every complaint within 48 hours");
        await Expect(agent.Locator("[data-testid=appraisal-adjustment]")).ToContainTextAsync("Carried the team");
        await Input(agent, "acknowledge-comment").FillAsync("Thank you, I will follow the plan.");
        await agent.Locator("[data-testid=appraisal-acknowledge]").ClickAsync();
        await Expect(agent.Locator("[data-testid=appraisal-acknowledged]")).ToContainTextAsync("Thank you, I will follow the plan.");
        Assert.Empty(BrowserErrors);
    }
}

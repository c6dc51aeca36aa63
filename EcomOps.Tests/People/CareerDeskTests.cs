using EcomOps.Domain.Audit;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.People;

[Trait("Engines", "Both")]
public sealed class CareerDeskTests : IAsyncLifetime
{
    private TrainingWorld _world = default!;

    public async Task InitializeAsync() => _world = await TrainingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private CareerDesk Careers => _world.Harness.Get<CareerDesk>();

    [Fact]
    public void The_next_step_of_a_path_follows_the_role()
    {
        IReadOnlyList<CareerStepRow> steps =
        [
            new("Operations", 1, Roles.OperationsSpecialist, [], null), new("Operations", 2, Roles.OperationsManager, [], null),
            new("Operations", 3, Roles.OperationsDirector, [], null), new("CustomerService", 1, Roles.CsAgent, [], null), new("CustomerService", 2, Roles.CsSupervisor, [], null),
        ];
        Assert.Equal([Roles.OperationsManager], CareerDesk.NextRoles(steps, Roles.OperationsSpecialist));
        Assert.Equal([Roles.CsSupervisor], CareerDesk.NextRoles(steps, Roles.CsAgent));
        Assert.Empty(CareerDesk.NextRoles(steps, Roles.OperationsDirector));
    }

    [Fact]
    public async Task An_approved_promotion_changes_the_role_ends_the_persons_sessions_and_is_audited()
    {
        var agent = _world.IdOf(_world.Agent1);
        Assert.Equal(TrainingErrors.NotNextStep, Assert.Single((await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.OperationsDirector, null)).Errors).Code);
        Assert.Equal(TrainingErrors.NotYourTeam, Assert.Single((await Careers.ProposeAsync(_world.OpsManager, agent, Roles.CsSupervisor, null)).Errors).Code);
        var proposed = await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, "Top satisfaction");
        Assert.True(proposed.Succeeded);
        Assert.Equal(TrainingErrors.ProposalOpen, Assert.Single((await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, null)).Errors).Code);
        Assert.Single(await _world.NoticesAsync(_world.Director, $"promotion:{proposed.Value}:proposed"));

        var proposal = Assert.Single(await Careers.ProposalsAsync(_world.Director));
        Assert.Equal([Actor.NotPermitted], (await Careers.DecideAsync(_world.CsSupervisor, proposal.Id, proposal.Version, true, null)).Errors);
        Assert.True((await Careers.DecideAsync(_world.Director, proposal.Id, proposal.Version, true, null)).Succeeded);

        await using var db = _world.Harness.NewDb();
        var employee = await db.Employees.AsNoTracking().SingleAsync(e => e.Id == agent);
        Assert.Equal(Roles.CsSupervisor, employee.Role);
        Assert.Equal(Team.CustomerService, employee.Team);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == _world.Agent1.UserId);
        Assert.NotEqual("initial", user.SecurityStamp);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Employee) && a.EntityKey == agent.ToString()).ToListAsync(),
            a => a.ActorName == _world.Director.Name);
        Assert.Equal(ProposalState.Approved, (await db.Set<PromotionProposal>().AsNoTracking().SingleAsync()).State);
        Assert.Single(await _world.NoticesAsync(_world.CsSupervisor, $"promotion:{proposal.Id}:Approved"));

        var again = await Careers.DecideAsync(_world.Director, proposal.Id, proposal.Version + 1, false, null);
        Assert.Equal(TrainingErrors.ProposalDecided, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task Of_two_decisions_on_one_proposal_at_once_one_wins_the_other_is_told_and_the_role_follows_the_winner()
    {
        var agent = _world.IdOf(_world.Agent2);
        var id = (await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, null)).Value;
        var proposal = Assert.Single(await Careers.ProposalsAsync(_world.Director));

        // Two threads, as two directors' circuits would be.
        using var start = new ManualResetEventSlim();
        var approve = Task.Run(() => { start.Wait(); return Careers.DecideAsync(_world.Director, id, proposal.Version, true, null); });
        var reject = Task.Run(() => { start.Wait(); return Careers.DecideAsync(_world.Director, id, proposal.Version, false, "Not yet"); });
        start.Set();
        var decisions = await Task.WhenAll(approve, reject);

        Assert.Single(decisions, d => d.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, Assert.Single(decisions, d => !d.Succeeded).Kind);
        await using var db = _world.Harness.NewDb();
        var state = (await db.Set<PromotionProposal>().AsNoTracking().SingleAsync(p => p.Id == id)).State;
        Assert.Equal(decisions[0].Succeeded ? ProposalState.Approved : ProposalState.Rejected, state);
        Assert.Equal(state == ProposalState.Approved ? Roles.CsSupervisor : Roles.CsAgent, (await db.Employees.AsNoTracking().SingleAsync(e => e.Id == agent)).Role);
    }

    [Fact]
    public async Task A_rejected_promotion_leaves_the_role_and_a_rotation_needs_its_dates_in_order()
    {
        var agent = _world.IdOf(_world.Agent2);
        var id = (await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, null)).Value;
        var proposal = Assert.Single(await Careers.ProposalsAsync(_world.CsSupervisor));
        Assert.True((await Careers.DecideAsync(_world.Director, id, proposal.Version, false, "Not yet")).Succeeded);
        await using (var db = _world.Harness.NewDb())
        {
            Assert.Equal(Roles.CsAgent, (await db.Employees.AsNoTracking().SingleAsync(e => e.Id == agent)).Role);
        }

        var backwards = await Careers.AddRotationAsync(_world.CsSupervisor, agent, "Operations specialist", new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 1));
        Assert.Equal(TrainingErrors.RotationDates, Assert.Single(backwards.Errors).Code);
        Assert.True((await Careers.AddRotationAsync(_world.CsSupervisor, agent, "Operations specialist", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31))).Succeeded);

        var record = (await _world.Queries.RecordAsync(_world.Agent2, agent))!;
        Assert.Equal([TimelineKind.Rotation, TimelineKind.Promotion], record.Timeline.Select(t => t.Kind));
        Assert.Single(await Careers.RotationsAsync(_world.Agent2));
        Assert.Empty(await Careers.RotationsAsync(_world.Agent1));
    }

    private async Task ClosedAppraisalAsync(int employeeId, double finalScore, DateTime closedAtUtc)
    {
        await using var db = _world.Harness.NewDb();
        var cycle = new AppraisalCycle
        {
            // One cycle per month the appraisal closed in: a cycle is one per team, frequency and period.
            Team = Team.CustomerService, Frequency = AppraisalFrequency.Monthly, PeriodStart = new DateOnly(closedAtUtc.Year, closedAtUtc.Month, 1).AddMonths(-1),
            PeriodEnd = new DateOnly(closedAtUtc.Year, closedAtUtc.Month, 1).AddDays(-1),
            OpenedAtUtc = closedAtUtc.AddDays(-20), ClosedAtUtc = closedAtUtc,
        };
        cycle.Appraisals.Add(new Appraisal { EmployeeId = employeeId, Stage = AppraisalStage.Closed, FinalScore = finalScore, ClosedAtUtc = closedAtUtc });
        db.Add(cycle);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_step_with_a_minimum_appraisal_result_takes_a_proposal_only_when_the_persons_latest_closed_appraisal_reaches_it()
    {
        var agent = _world.IdOf(_world.Agent1);
        var step = (await Careers.PathsAsync()).Single(s => s.Role == Roles.CsSupervisor);
        Assert.Equal([Actor.NotPermitted], (await Careers.SetMinimumAppraisalAsync(_world.CsSupervisor, step.Id, 80, step.Version)).Errors);
        Assert.Equal(CareerErrors.MinimumRange, Assert.Single((await Careers.SetMinimumAppraisalAsync(_world.Director, step.Id, 100.5m, step.Version)).Errors).Code);
        Assert.True((await Careers.SetMinimumAppraisalAsync(_world.Director, step.Id, 80, step.Version)).Succeeded);
        Assert.Equal(OutcomeKind.Conflict, (await Careers.SetMinimumAppraisalAsync(_world.Director, step.Id, 70, step.Version)).Kind);

        // No appraisal yet, then an older 85 and a latest 78: the latest counts. (Each save follows the stale one above
        // on the same pooled context: a stale save leaves nothing behind for the next.)
        var none = await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, null);
        await ClosedAppraisalAsync(agent, 85, new DateTime(2026, 7, 10, 0, 0, 0, DateTimeKind.Utc));
        await ClosedAppraisalAsync(agent, 78, new DateTime(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc));
        var below = await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, null);
        await ClosedAppraisalAsync(agent, 80, new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc));
        var reached = await Careers.ProposeAsync(_world.CsSupervisor, agent, Roles.CsSupervisor, null);

        Assert.Equal(CareerErrors.BelowMinimumAppraisal, Assert.Single(none.Errors).Code);
        Assert.Equal(CareerErrors.BelowMinimumAppraisal, Assert.Single(below.Errors).Code);
        Assert.True(reached.Succeeded);
        Assert.Equal(80, (await Careers.PathsAsync()).Single(s => s.Role == Roles.CsSupervisor).MinAppraisalScore);
    }
}

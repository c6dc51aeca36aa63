using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Notifications;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.People;

public sealed record CareerStepRow(string Track, int Rank, string Role, IReadOnlyList<TrainingArea> RequiredAreas, decimal? MinAppraisalScore, int Id = 0, long Version = 0);

public sealed record ProposalRow(int Id, int EmployeeId, string EmployeeName, Team Team, string FromRole, string ToRole, string Reason, ProposalState State,
    string ProposedByName, DateTime ProposedAtUtc, string? DecidedByName, DateTime? DecidedAtUtc, long Version);

public sealed record RotationRow(int Id, int EmployeeId, string EmployeeName, string FromPost, string ToPost, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// Careers: the paths per role, promotion proposals (a team's manager proposes the next step of the person's path, the
/// director approves — the role then changes through <see cref="EmployeeDirectory.ChangeRoleAsync"/>, which ends the
/// person's sessions and keeps the audit — or rejects), and rotations between posts with dates.
/// </summary>
public sealed class CareerDesk(IDbContextFactory<OpsDb> dbFactory, EmployeeDirectory employees, CompanyTime time)
{
    public async Task<IReadOnlyList<CareerStepRow>> PathsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var steps = await db.Set<CareerStep>().AsNoTracking().OrderBy(s => s.Track).ThenBy(s => s.Rank).ToListAsync(ct);
        return [.. steps.Select(s => new CareerStepRow(s.Track, s.Rank, s.Role, s.RequiredAreaList, s.MinAppraisalScore, s.Id, s.Version))];
    }

    /// <summary>The roles a person in <paramref name="role"/> can be promoted to: the next step of each path the role is on.</summary>
    public static IReadOnlyList<string> NextRoles(IReadOnlyList<CareerStepRow> steps, string role) =>
        [.. steps.Where(s => s.Role == role)
            .Select(s => steps.Where(n => n.Track == s.Track && n.Rank > s.Rank).OrderBy(n => n.Rank).FirstOrDefault())
            .Where(n => n is not null).Select(n => n!.Role).Distinct()];

    public async Task<IReadOnlyList<ProposalRow>> ProposalsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var rows = await db.Set<PromotionProposal>().AsNoTracking().OrderBy(p => p.State).ThenByDescending(p => p.ProposedAtUtc)
            .Select(p => new ProposalRow(p.Id, p.EmployeeId, p.Employee!.FullName, p.Employee.Team, p.FromRole, p.ToRole, p.Reason, p.State, p.ProposedByName,
                p.ProposedAtUtc, p.DecidedByName, p.DecidedAtUtc, p.Version))
            .ToListAsync(ct);
        return [.. rows.Where(r => r.EmployeeId == me?.Id || TrainingRules.Leads(actor, me, r.Team))];
    }

    public async Task<IReadOnlyList<RotationRow>> RotationsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var rows = await db.Set<Rotation>().AsNoTracking().OrderByDescending(r => r.StartsOn)
            .Select(r => new { Row = new RotationRow(r.Id, r.EmployeeId, r.Employee!.FullName, r.FromPost, r.ToPost, r.StartsOn, r.EndsOn), r.Employee.Team })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Row.EmployeeId == me?.Id || TrainingRules.Leads(actor, me, r.Team)).Select(r => r.Row)];
    }

    /// <summary>The director sets (or clears, with null) a step's minimum appraisal result, 0–100.</summary>
    public async Task<Outcome<long>> SetMinimumAppraisalAsync(Actor actor, int stepId, decimal? minimum, long version, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ApprovePromotions))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        if (minimum is < 0 or > 100)
        {
            return Outcome<long>.Invalid([new FieldError("MinAppraisalScore", CareerErrors.MinimumRange)]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var step = await db.Set<CareerStep>().FirstOrDefaultAsync(s => s.Id == stepId, ct);
        if (step is null)
        {
            return Outcome<long>.NotFound();
        }
        step.MinAppraisalScore = minimum;
        db.Entry(step).Property(s => s.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        return Outcome<long>.Done(step.Version);
    }

    public Task<Outcome<int>> ProposeAsync(Actor actor, int employeeId, string toRole, string? reason, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ProposePromotions))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var (me, person, refusal) = await TeamMemberAsync(db, actor, employeeId, ct);
            if (refusal is not null || person!.Id == me?.Id)
            {
                return Outcome<int>.Invalid([refusal ?? new FieldError("EmployeeId", TrainingErrors.NotYourTeam)]);
            }
            var errors = new List<FieldError>();
            if (!NextRoles(await PathsAsync(ct), person.Role).Contains(toRole))
            {
                errors.Add(new FieldError("ToRole", TrainingErrors.NotNextStep));
            }
            // A step with a minimum appraisal result needs the person's latest closed appraisal to reach it.
            var minimum = (await PathsAsync(ct)).FirstOrDefault(s => s.Role == toRole)?.MinAppraisalScore;
            if (minimum is { } min)
            {
                var latest = await db.Set<Appraisal>().AsNoTracking().Where(a => a.EmployeeId == employeeId && a.ClosedAtUtc != null)
                    .OrderByDescending(a => a.ClosedAtUtc).Select(a => a.FinalScore).FirstOrDefaultAsync(ct);
                if (latest is not { } score || (decimal)score < min)
                {
                    errors.Add(new FieldError("ToRole", CareerErrors.BelowMinimumAppraisal));
                }
            }
            CatalogRules.Optional(errors, "Reason", reason, PromotionProposal.MaxReasonLength);
            if (await db.Set<PromotionProposal>().AnyAsync(p => p.EmployeeId == employeeId && p.State == ProposalState.Proposed, ct))
            {
                errors.Add(new FieldError("EmployeeId", TrainingErrors.ProposalOpen));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var proposal = new PromotionProposal
            {
                EmployeeId = employeeId, FromRole = person.Role, ToRole = toRole, Reason = reason?.Trim() ?? "", State = ProposalState.Proposed,
                ProposedByUserId = actor.UserId, ProposedByName = me?.FullName ?? actor.Name, ProposedAtUtc = time.UtcNow,
            };
            db.Add(proposal);
            await db.SaveChangesAsync(ct);
            var directors = await NotificationCentre.UsersWithAsync(db, Permissions.ApprovePromotions, ct);
            await NotificationCentre.AddAsync(db, directors.Select(u => new NotificationDraft(u, NotificationKind.Promotion, $"promotion:{proposal.Id}:proposed",
                "Notice.PromotionProposed", [person.FullName, toRole], "/people/careers")), time.UtcNow, ct);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(proposal.Id);
        }, ct);

    /// <summary>
    /// The director's decision. It is recorded first, against the version the director saw, so of two decisions made at
    /// once one wins and the other is told (never overwritten). Approving then changes the person's role by the employee
    /// rules (their open sessions end, the audit records the director); a refused role change gives the decision back.
    /// </summary>
    public async Task<Outcome<int>> DecideAsync(Actor actor, int id, long version, bool approve, string? note, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ApprovePromotions))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CatalogRules.Optional(errors, "Note", note, PromotionProposal.MaxReasonLength);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        var decided = await WriteDecisionAsync(actor, id, version, approve ? ProposalState.Approved : ProposalState.Rejected, note, ct);
        if (!decided.Succeeded)
        {
            return new Outcome<int>(decided.Kind, default, decided.Errors);
        }
        if (!approve)
        {
            return Outcome<int>.Done(id);
        }
        var changed = await employees.ChangeRoleAsync(actor, decided.Value.EmployeeId, decided.Value.ToRole, ct);
        if (!changed.Succeeded)
        {
            await WriteDecisionAsync(actor, id, version + 1, ProposalState.Proposed, null, ct);
            return changed.Kind == OutcomeKind.Conflict ? Outcome<int>.Conflict() : Outcome<int>.Invalid(changed.Errors);
        }
        await WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var row = await db.Set<PromotionProposal>().AsNoTracking().Include(p => p.Employee).FirstAsync(p => p.Id == id, ct);
            await NotifyProposerAsync(db, row, ct);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(id);
        }, ct);
        return Outcome<int>.Done(id);
    }

    /// <summary>
    /// Moves a proposal to <paramref name="state"/> if it still has <paramref name="version"/>: to a decision from
    /// Proposed (a rejection tells the proposer at once), or back to Proposed when an approval's role change was refused.
    /// Done with the person and the role the proposal names.
    /// </summary>
    private Task<Outcome<(int EmployeeId, string ToRole)>> WriteDecisionAsync(Actor actor, int id, long version, ProposalState state, string? note,
        CancellationToken ct) =>
        WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var row = await db.Set<PromotionProposal>().Include(p => p.Employee).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (row is null)
            {
                return Outcome<(int, string)>.NotFound();
            }
            if (row.Version != version)
            {
                return Outcome<(int, string)>.Conflict();
            }
            if (state != ProposalState.Proposed && row.State != ProposalState.Proposed)
            {
                return Outcome<(int, string)>.Invalid([new FieldError("Proposal", TrainingErrors.ProposalDecided)]);
            }
            var me = state == ProposalState.Proposed ? null : await TrainingDesk.MeAsync(db, actor, ct);
            db.Entry(row).Property(p => p.Version).OriginalValue = version;
            row.State = state;
            row.DecidedByName = state == ProposalState.Proposed ? null : me?.FullName ?? actor.Name;
            row.DecidedAtUtc = state == ProposalState.Proposed ? null : time.UtcNow;
            row.DecisionNote = CatalogRules.Blank(note);
            if (state == ProposalState.Rejected)
            {
                await NotifyProposerAsync(db, row, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<(int, string)>.Conflict();
            }
            return Outcome<(int, string)>.Done((row.EmployeeId, row.ToRole));
        }, ct);

    private async Task NotifyProposerAsync(OpsDb db, PromotionProposal row, CancellationToken ct)
    {
        if (row.ProposedByUserId is { } proposer)
        {
            await NotificationCentre.AddAsync(db, [new NotificationDraft(proposer, NotificationKind.Promotion, $"promotion:{row.Id}:{row.State}",
                row.State == ProposalState.Approved ? "Notice.PromotionApproved" : "Notice.PromotionRejected", [row.Employee!.FullName, row.ToRole],
                $"/people/record/{row.EmployeeId}")], time.UtcNow, ct);
        }
    }

    public Task<Outcome<int>> AddRotationAsync(Actor actor, int employeeId, string toPost, DateOnly? startsOn, DateOnly? endsOn, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.ProposePromotions))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var (me, person, refusal) = await TeamMemberAsync(db, actor, employeeId, ct);
            if (refusal is not null)
            {
                return Outcome<int>.Invalid([refusal]);
            }
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(toPost))
            {
                errors.Add(new FieldError("ToPost", "Required"));
            }
            CatalogRules.Optional(errors, "ToPost", toPost, Rotation.MaxPostLength);
            if (startsOn is null || endsOn is null || endsOn < startsOn)
            {
                errors.Add(new FieldError("EndsOn", TrainingErrors.RotationDates));
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var rotation = new Rotation
            {
                EmployeeId = employeeId, FromPost = person!.Role, ToPost = toPost.Trim(), StartsOn = startsOn!.Value, EndsOn = endsOn!.Value, ArrangedByName = me?.FullName ?? actor.Name,
            };
            db.Add(rotation);
            await db.SaveChangesAsync(ct);
            return Outcome<int>.Done(rotation.Id);
        }, ct);

    /// <summary>The actor, and the active employee they act on when the actor leads that person's team; else why not.</summary>
    private static async Task<(Employee? Me, Employee? Person, FieldError? Refusal)> TeamMemberAsync(OpsDb db, Actor actor, int employeeId, CancellationToken ct)
    {
        var me = await TrainingDesk.MeAsync(db, actor, ct);
        var person = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == employeeId && e.Active, ct);
        return person is null ? (me, null, new FieldError("EmployeeId", TrainingErrors.EmployeeUnknown))
            : !TrainingRules.Leads(actor, me, person.Team) ? (me, person, new FieldError("EmployeeId", TrainingErrors.NotYourTeam))
            : (me, person, null);
    }
}

/// <summary>What the career path refuses.</summary>
public static class CareerErrors
{
    public const string BelowMinimumAppraisal = "CareerBelowMinimumAppraisal";
    public const string MinimumRange = "CareerMinimumRange";
}

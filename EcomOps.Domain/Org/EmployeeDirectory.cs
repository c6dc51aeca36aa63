using EcomOps.Domain.Data;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Org;

/// <summary>A row of the employee list.</summary>
public sealed record EmployeeRow(
    int Id, string EmployeeNumber, string FullName, string Email, Team Team, string Role,
    int? ManagerId, string? ManagerName, DateOnly HireDate, bool Active, long Version);

public sealed record EmployeeQuery(string? Search = null, Team? Team = null, string? Role = null, bool? Active = null, int Skip = 0, int Take = 25);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Headcount of one team, for home pages and boards.</summary>
public sealed record TeamHeadcount(Team Team, int Active, int Inactive);

/// <summary>
/// The employee operations: list, search, create, edit, deactivate. Each operation is one short-lived context and
/// one transaction: an employee and their sign-in are written together or not at all.
/// </summary>
public sealed class EmployeeDirectory(
    IDbContextFactory<OpsDb> dbFactory,
    IPasswordHasher<OpsUser> hasher,
    ILookupNormalizer normalizer,
    CompanyTime time)
{
    public async Task<Page<EmployeeRow>> SearchAsync(EmployeeQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var employees = db.Employees.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            employees = employees.Where(e =>
                EF.Functions.Like(e.FullName, $"%{term}%") || EF.Functions.Like(e.EmployeeNumber, $"%{term}%") || EF.Functions.Like(e.Email, $"%{term}%"));
        }
        if (query.Team is { } team)
        {
            employees = employees.Where(e => e.Team == team);
        }
        if (!string.IsNullOrEmpty(query.Role))
        {
            employees = employees.Where(e => e.Role == query.Role);
        }
        if (query.Active is { } active)
        {
            employees = employees.Where(e => e.Active == active);
        }

        var total = await employees.CountAsync(ct);
        var items = await employees
            .OrderBy(e => e.EmployeeNumber)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 500))
            .Select(e => new EmployeeRow(e.Id, e.EmployeeNumber, e.FullName, e.Email, e.Team, e.Role,
                e.ManagerId, e.Manager == null ? null : e.Manager.FullName, e.HireDate, e.Active, e.Version))
            .ToListAsync(ct);
        return new Page<EmployeeRow>(items, total);
    }

    public Task<EmployeeRow?> FindAsync(int id, CancellationToken ct = default) => SearchByIdAsync(id, ct);

    public async Task<IReadOnlyList<TeamHeadcount>> HeadcountAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Employees.AsNoTracking()
            .GroupBy(e => new { e.Team, e.Active })
            .Select(g => new { g.Key.Team, g.Key.Active, Count = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<Team>()
            .Select(t => new TeamHeadcount(
                t,
                counts.Where(c => c.Team == t && c.Active).Sum(c => c.Count),
                counts.Where(c => c.Team == t && !c.Active).Sum(c => c.Count)))
            .ToList();
    }

    /// <summary>Employees who can be picked as someone's manager: active, optionally excluding one.</summary>
    public async Task<IReadOnlyList<EmployeeRow>> ManagerCandidatesAsync(string? search, int? excluding, CancellationToken ct = default)
    {
        var page = await SearchAsync(new EmployeeQuery(search, Active: true, Take: 30), ct);
        return page.Items.Where(e => e.Id != excluding).ToList();
    }

    public Task<Outcome<EmployeeRow>> CreateAsync(Actor actor, EmployeeForm form, CancellationToken ct = default) =>
        SaveAsync(actor, null, form, actor.May(Permissions.ManageEmployees), ct);

    public Task<Outcome<EmployeeRow>> UpdateAsync(Actor actor, int id, EmployeeForm form, CancellationToken ct = default) =>
        SaveAsync(actor, id, form, actor.May(Permissions.ManageEmployees), ct);

    /// <summary>
    /// An approved promotion: the employee's role changes by the same rules as the admin page's edit (their open sessions
    /// end, the audit trail records who), asked by someone who approves promotions.
    /// </summary>
    public async Task<Outcome<EmployeeRow>> ChangeRoleAsync(Actor actor, int id, string role, CancellationToken ct = default)
    {
        var current = await SearchByIdAsync(id, ct);
        if (current is null)
        {
            return Outcome<EmployeeRow>.NotFound();
        }
        var form = new EmployeeForm
        {
            EmployeeNumber = current.EmployeeNumber, FullName = current.FullName, Email = current.Email, Role = role,
            ManagerId = current.ManagerId, HireDate = current.HireDate, Active = current.Active, Version = current.Version,
        };
        return await SaveAsync(actor, id, form, actor.May(Permissions.ManageEmployees) || actor.May(Permissions.ApprovePromotions), ct);
    }

    private async Task<EmployeeRow?> SearchByIdAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EmployeeRow(e.Id, e.EmployeeNumber, e.FullName, e.Email, e.Team, e.Role,
                e.ManagerId, e.Manager == null ? null : e.Manager.FullName, e.HireDate, e.Active, e.Version))
            .FirstOrDefaultAsync(ct);
    }

    private async Task<Outcome<EmployeeRow>> SaveAsync(Actor actor, int? id, EmployeeForm form, bool permitted, CancellationToken ct)
    {
        if (!permitted)
        {
            return Outcome<EmployeeRow>.Invalid([Actor.NotPermitted]);
        }
        form = form with { EmployeeNumber = form.EmployeeNumber.Trim(), FullName = form.FullName.Trim(), Email = form.Email.Trim() };
        var errors = EmployeeRules.Check(form, creating: id is null, time.Today);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;

        Employee? employee = null;
        if (id is { } existingId)
        {
            employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == existingId, ct);
            if (employee is null)
            {
                return Outcome<EmployeeRow>.NotFound();
            }
        }

        if (await db.Employees.AnyAsync(e => e.EmployeeNumber == form.EmployeeNumber && e.Id != (id ?? 0), ct))
        {
            errors.Add(new(nameof(form.EmployeeNumber), "EmployeeNumberTaken"));
        }
        var normalizedName = normalizer.NormalizeName(form.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalizedName && u.Id != (employee == null ? "" : employee.UserId), ct))
        {
            errors.Add(new(nameof(form.Email), "SignInTaken"));
        }
        if (form.ManagerId is { } managerId)
        {
            var managerOf = await db.Employees.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.ManagerId, ct);
            var manager = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == managerId, ct);
            if (manager is null || !manager.Active)
            {
                errors.Add(new(nameof(form.ManagerId), "ManagerUnknown"));
            }
            else if (id is { } selfId && EmployeeRules.WouldCycle(selfId, managerId, managerOf))
            {
                errors.Add(new(nameof(form.ManagerId), "ManagerCycle"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<EmployeeRow>.Invalid(errors);
        }

        OpsUser? user = null;
        if (employee is null)
        {
            user = new OpsUser { LockoutEnabled = true };
            db.Users.Add(user);
            employee = new Employee { EmployeeNumber = form.EmployeeNumber, FullName = form.FullName, Email = form.Email, Role = form.Role, UserId = user.Id };
            db.Employees.Add(employee);
        }
        else
        {
            db.Entry(employee).Property(e => e.Version).OriginalValue = form.Version;
            user = employee.UserId is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == employee.UserId, ct);
        }

        // A new role or a deactivation must take effect at once: a new security stamp ends every open session.
        var endSessions = employee.Id != 0 && (employee.Role != form.Role || (employee.Active && !form.Active) || !string.IsNullOrEmpty(form.Password));
        employee.EmployeeNumber = form.EmployeeNumber;
        employee.FullName = form.FullName;
        employee.Email = form.Email;
        employee.Role = form.Role;
        employee.Team = Roles.TeamOf(form.Role);
        employee.ManagerId = form.ManagerId;
        employee.HireDate = form.HireDate!.Value;
        employee.Active = form.Active;

        if (user is not null)
        {
            user.UserName = form.Email;
            user.NormalizedUserName = normalizedName;
            user.Email = form.Email;
            user.NormalizedEmail = normalizer.NormalizeEmail(form.Email);
            user.EmailConfirmed = true;
            if (!string.IsNullOrEmpty(form.Password))
            {
                user.PasswordHash = hasher.HashPassword(user, form.Password);
            }
            if (endSessions || user.SecurityStamp is null)
            {
                user.SecurityStamp = Guid.NewGuid().ToString("N");
            }
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<EmployeeRow>.Conflict();
        }
        catch (DbUpdateException) when (id is null)
        {
            // Two people created the same number or sign-in at the same instant; the unique index caught the loser.
            return Outcome<EmployeeRow>.Invalid([new(nameof(form.EmployeeNumber), "EmployeeNumberTaken")]);
        }
        return Outcome<EmployeeRow>.Done((await SearchByIdAsync(employee.Id, ct))!);
    }
}

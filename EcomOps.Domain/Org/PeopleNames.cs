using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Org;

/// <summary>
/// Names of people for lists that store who did something as a sign-in (e-mail), a user id or an employee id: one
/// query per list, never one per row. A key that names nobody is left out (the caller shows what it has).
/// </summary>
public sealed class PeopleNames(IDbContextFactory<OpsDb> dbFactory)
{
    /// <summary>Full names by sign-in e-mail or by user id (either may be given; e-mails match case-insensitively).</summary>
    public async Task<IReadOnlyDictionary<string, string>> BySignInAsync(IEnumerable<string?> keys, CancellationToken ct = default)
    {
        var wanted = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0)
        {
            return names;
        }
        var lowered = wanted.Select(k => k.ToLowerInvariant()).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Employees.AsNoTracking()
            .Where(e => lowered.Contains(e.Email.ToLower()) || (e.UserId != null && wanted.Contains(e.UserId)))
            .Select(e => new { e.Email, e.UserId, e.FullName }).ToListAsync(ct);
        foreach (var person in people)
        {
            names[person.Email] = person.FullName;
            if (person.UserId is { } userId)
            {
                names[userId] = person.FullName;
            }
        }
        return names;
    }

    /// <summary>Full names by employee id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ByIdAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<int, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Employees.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
    }
}

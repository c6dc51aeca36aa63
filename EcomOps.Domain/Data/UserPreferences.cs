using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Data;

/// <summary>What a user chose for themselves: language and dark mode, remembered across sessions and devices.</summary>
public sealed class UserPreferences(IDbContextFactory<OpsDb> dbFactory)
{
    public static readonly IReadOnlyList<string> Cultures = ["en", "zh-Hans"];

    public async Task<(string? Culture, bool DarkMode)> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefs = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Culture, u.DarkMode }).FirstOrDefaultAsync(ct);
        return prefs is null ? (null, false) : (prefs.Culture, prefs.DarkMode);
    }

    public async Task SetDarkModeAsync(string userId, bool darkMode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DarkMode, darkMode), ct);
    }

    public async Task SetCultureAsync(string userId, string culture, CancellationToken ct = default)
    {
        if (!Cultures.Contains(culture))
        {
            throw new ArgumentException($"Unsupported culture '{culture}'.", nameof(culture));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, culture), ct);
    }

    /// <summary>
    /// True while the sign-in may be used: the user exists, their employee record is active, and the security stamp
    /// the session carries is still the current one (a role change, deactivation or password reset renews it).
    /// </summary>
    public async Task<bool> IsSessionValidAsync(string userId, string? securityStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.SecurityStamp }).FirstOrDefaultAsync(ct);
        if (user is null || user.SecurityStamp != securityStamp)
        {
            return false;
        }
        return await db.Employees.AnyAsync(e => e.UserId == userId && e.Active, ct);
    }
}

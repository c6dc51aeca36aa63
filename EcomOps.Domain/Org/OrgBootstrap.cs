using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Org;

/// <summary>Outside Development there are no demo users: the first admin comes from start-up configuration.</summary>
public sealed class OrgBootstrap(IDbContextFactory<OpsDb> dbFactory, EmployeeDirectory directory, Time.CompanyTime time)
{
    /// <summary>Creates the admin when no admin employee exists yet; does nothing once one does.</summary>
    public async Task<Outcome<EmployeeRow>?> EnsureFirstAdminAsync(string? email, string? password, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Employees.AnyAsync(e => e.Role == Roles.Admin, ct))
            {
                return null;
            }
        }
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Outcome<EmployeeRow>.Invalid([new("Bootstrap", "FirstAdminMissing")]);
        }
        return await directory.CreateAsync(new Actor(null, "bootstrap"), new EmployeeForm
        {
            EmployeeNumber = "A0001",
            FullName = "Administrator",
            Email = email,
            Role = Roles.Admin,
            HireDate = time.Today,
            Password = password,
        }, ct);
    }
}

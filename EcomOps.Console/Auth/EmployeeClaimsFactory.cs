using System.Security.Claims;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcomOps.Console.Auth;

/// <summary>Puts the employee's role, name and team on the sign-in; the employee record is the one source of roles.</summary>
public sealed class EmployeeClaimsFactory(UserManager<OpsUser> userManager, IOptions<IdentityOptions> options, IDbContextFactory<OpsDb> dbFactory)
    : UserClaimsPrincipalFactory<OpsUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OpsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == user.Id);
        if (employee is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, employee.Role));
            identity.AddClaim(new Claim(OpsClaims.FullName, employee.FullName));
            identity.AddClaim(new Claim(OpsClaims.EmployeeId, employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(OpsClaims.Team, employee.Team.ToString()));
        }
        return identity;
    }
}

public static class OpsClaims
{
    public const string FullName = "ecomops:name";
    public const string EmployeeId = "ecomops:employee";
    public const string Team = "ecomops:team";

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}

using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EcomOps.Console.Auth;

/// <summary>Signs in only sign-ins whose employee is active.</summary>
public sealed class OpsSignInManager(
    UserManager<OpsUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<OpsUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<OpsUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<OpsUser> confirmation,
    IDbContextFactory<OpsDb> dbFactory)
    : SignInManager<OpsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(OpsUser user)
    {
        if (!await base.CanSignInAsync(user))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Employees.AnyAsync(e => e.UserId == user.Id && e.Active);
    }
}

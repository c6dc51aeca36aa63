using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EcomOps.Console.Auth;

/// <summary>
/// Re-checks an open circuit's sign-in every minute, as the safety net behind <c>SessionGuard</c>, which ends a
/// session at once when the live feed says its sign-in changed.
/// </summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, UserPreferences preferences, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        state.User.UserId() is { } userId
            ? preferences.IsSessionValidAsync(userId, state.User.FindFirst(options.Value.ClaimsIdentity.SecurityStampClaimType)?.Value, cancellationToken)
            : Task.FromResult(false);
}

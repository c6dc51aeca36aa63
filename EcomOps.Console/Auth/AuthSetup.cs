using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace EcomOps.Console.Auth;

public static class AuthSetup
{
    public const string LoginPath = "/Account/Login";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    /// <summary>Machine-facing paths answer 401/403; pages send a person to sign in or to the access-denied page.</summary>
    private static readonly string[] StatusCodePaths = ["/api", "/hubs", "/jobs", "/health"];

    public static IServiceCollection AddOpsAuth(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<OpsUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = false;
                // Failed sign-ins are counted by SignInGuard (per client, then per e-mail), not by Identity's counter,
                // which any outsider could run up; Identity keeps the lock itself, so lockout must be allowed.
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = EmployeeRules.MinPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
            })
            .AddEntityFrameworkStores<OpsDb>()
            .AddSignInManager<OpsSignInManager>()
            .AddClaimsPrincipalFactory<EmployeeClaimsFactory>()
            .AddDefaultTokenProviders();

        // Every request re-checks the security stamp: a deactivated or re-roled employee is out on their next request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = AccessDeniedPath;
            o.Cookie.Name = "EcomOps.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => AnswerOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => AnswerOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(Permissions.RolesFor(permission)));
            }
        });
        return services;
    }

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int statusCode)
    {
        // The jobs dashboard is a page as well as a machine's address: a person's browser (asking for HTML) is sent to
        // the console's sign-in or access-denied page, never shown a bare 401/403.
        var browserOnDashboard = ctx.Request.Path.StartsWithSegments("/jobs")
            && ctx.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (!browserOnDashboard && StatusCodePaths.Any(p => ctx.Request.Path.StartsWithSegments(p)))
        {
            ctx.Response.StatusCode = statusCode;
            // A machine gets the bare status code, not the not-found page that status code pages would re-execute.
            if (ctx.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }
        return Task.CompletedTask;
    }
}

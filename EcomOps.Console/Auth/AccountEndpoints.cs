using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Auth;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The sign-out form carries an antiforgery token; without it, any site could sign a user out with a hidden form.
        // A minimal API validates the token only when it binds a form, which this one does not: so it asks itself.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<OpsUser> signInManager,
            [FromServices] IStringLocalizer<UiText> L) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Text(L["Shell.SignOutRefused"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            await signInManager.SignOutAsync();
            return Results.LocalRedirect($"~{AuthSetup.LoginPath}?signedOut=1");
        });
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Localization;

namespace EcomOps.Console.Localization;

public static class LocalizationSetup
{
    public const string CulturePath = "/culture";

    public static IServiceCollection AddOpsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Chinese text is sent as characters, not as &#x..; entities three times its size.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<DisplayFormat>();
        services.AddTransient<MudBlazor.MudLocalizer, ConsoleMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = UserPreferences.Cultures.Select(DisplayFormat.ConsoleCulture).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Cookie first (the user's choice, restored at sign-in), then the browser's language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseOpsLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>Remembers the language in the culture cookie, for the next request.</summary>
    public static void RememberCulture(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>
    /// <c>GET /culture?culture=zh-Hans&amp;returnUrl=/</c>: switches the language, saves it for the signed-in user, and
    /// reloads the page. Open to anonymous users so the sign-in page can switch too; it changes nothing else.
    /// </summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(CulturePath, async (HttpContext context, string culture, string? returnUrl, UserPreferences preferences) =>
        {
            if (!UserPreferences.Cultures.Contains(culture))
            {
                return Results.Problem($"Unsupported language '{culture}'.", statusCode: StatusCodes.Status400BadRequest);
            }
            RememberCulture(context.Response, culture);
            if (context.User.Identity?.IsAuthenticated == true && Auth.OpsClaims.UserId(context.User) is { } userId)
            {
                await preferences.SetCultureAsync(userId, culture);
            }
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EcomOps.Console.Auth;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// The <c>RateLimiting</c> section. Sign-in has two limits per client (requests, and failed attempts) and a lockout per
/// sign-in above them: one client runs into its own limit long before it could lock anybody's sign-in.
/// </summary>
public sealed class RateLimitSettings
{
    public SignInLimits SignIn { get; set; } = new();

    public WindowLimit OrderApi { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    public WindowLimit Survey { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Messages sent from the public contact page per client (a person writes a few; a flood is a program).</summary>
    public WindowLimit ContactSend { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>Contact pages opened per client (reading a conversation; guessing references runs into it).</summary>
    public WindowLimit ContactView { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(10) };
}

public sealed class SignInLimits
{
    /// <summary>Sign-in posts per client and window, right or wrong (an office behind one address signs in together).</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins per client within <see cref="FailureWindow"/>; then the client is refused with 429.</summary>
    public int FailuresPerClient { get; set; } = 20;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins for one e-mail within <see cref="FailureWindow"/>, from any clients, that lock it.
    /// Kept above twice <see cref="FailuresPerClient"/>, so locking a sign-in takes several clients.</summary>
    public int LockoutThreshold { get; set; } = 50;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>The built-in rate limiter's policies: sign-in per client, the order API per API key, the survey and the contact page per client.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string OrderApi = "order-api";
    public const string Survey = "survey";
    public const string Contact = "contact";

    public static IServiceCollection AddOpsRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimiting");
        services.AddSingleton<SignInGuard>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Settings are read when a partition is made, from the host's options, so a test host's settings win.
            o.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => Window(Settings(context).SignIn.PermitLimit, Settings(context).SignIn.Window))
                : RateLimitPartition.GetNoLimiter("page"));
            o.AddPolicy(OrderApi, context => context.Request.Headers[ChannelApiKey.Header].ToString() is { Length: > 0 } key
                ? RateLimitPartition.GetFixedWindowLimiter("key:" + key, _ => Window(Settings(context).OrderApi))
                : RateLimitPartition.GetFixedWindowLimiter("client:" + ClientAddress.Of(context), _ => Window(Settings(context).OrderApi)));
            o.AddPolicy(Survey, context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => Window(Settings(context).Survey)));
            o.AddPolicy(Contact, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("send:" + ClientAddress.Of(context), _ => Window(Settings(context).ContactSend))
                : RateLimitPartition.GetFixedWindowLimiter("view:" + ClientAddress.Of(context), _ => Window(Settings(context).ContactView)));
            o.OnRejected = (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                return new ValueTask(WriteTooManyRequestsAsync(rejected.HttpContext, retryAfter, ct));
            };
        });
        return services;
    }

    private static RateLimitSettings Settings(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;

    private static FixedWindowRateLimiterOptions Window(WindowLimit limit) => Window(limit.PermitLimit, limit.Window);

    private static FixedWindowRateLimiterOptions Window(int permitLimit, TimeSpan window) =>
        new() { PermitLimit = Math.Max(permitLimit, 1), Window = window > TimeSpan.Zero ? window : TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>Whole seconds for the Retry-After header, never zero.</summary>
    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Minutes for a person to read, never zero.</summary>
    public static int RetryAfterMinutes(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));

    /// <summary>429 with Retry-After: problem+json for the API, a page in the visitor's language for a person.</summary>
    private static async Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, CancellationToken ct)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        var L = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "TooManyRequests",
                    detail: $"Too many requests: try again in {RetryAfterSeconds(retryAfter)} s (Retry-After).",
                    extensions: new Dictionary<string, object?> { ["code"] = "TooManyRequests" })
                .ExecuteAsync(context);
            return;
        }
        var html = HtmlEncoder.Default;
        var title = html.Encode(L["TooManyRequests.Title"]);
        var body = html.Encode(L["TooManyRequests.Body", RetryAfterMinutes(retryAfter)]);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>{title} · EcomOps</title><link rel="stylesheet" href="/app.css" /></head>
            <body><div class="account-shell"><main class="account-main"><section class="login-card" data-testid="too-many-requests">
            <h1>{title}</h1><p>{body}</p>
            </section></main></div></body>
            </html>
            """, ct);
    }
}

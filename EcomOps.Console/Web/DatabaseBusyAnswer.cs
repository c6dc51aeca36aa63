using EcomOps.Domain.Data;

namespace EcomOps.Console.Web;

/// <summary>
/// The web side of <see cref="WriteRetry"/>: a request whose write could not get into a busy database is answered 503
/// with Retry-After and a problem+json body, never a 500 with a stack trace. Operations answer
/// <see cref="WriteRetry.Busy"/> themselves; this catches a busy database that escapes from anywhere else.
/// </summary>
public static class DatabaseBusyAnswer
{
    /// <summary>Seconds a client is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    public static IApplicationBuilder UseDatabaseBusyAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (WriteRetry.IsBusy(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DatabaseBusyAnswer))
                .LogWarning("The database stayed busy for {Path}: answered 503", context.Request.Path);
            context.Response.Clear();
            await Busy().ExecuteAsync(context);
        }
    });

    /// <summary>503, Retry-After, and a problem+json body saying nothing was written.</summary>
    public static IResult Busy() => new BusyResult();

    private sealed class BusyResult : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The database is busy; nothing was written.",
                detail: $"Too many writes at once. Send the same request again after {RetryAfterSeconds} seconds: it is safe to repeat.",
                extensions: new Dictionary<string, object?> { ["code"] = WriteRetry.BusyCode }).ExecuteAsync(context);
        }
    }
}

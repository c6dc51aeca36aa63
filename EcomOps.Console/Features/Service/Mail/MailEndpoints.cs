using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Mail;

namespace EcomOps.Console.Features.Service.Mail;

public static class MailEndpoints
{
    /// <summary>
    /// <c>GET /service/mail/files/{hash}</c>: an e-mail's attachment or original, always as a download (never rendered in
    /// the browser), for those who work tickets (files of tickets' e-mails) and the mailbox supervisor (also the
    /// could-not-read list).
    /// </summary>
    public static void MapMailEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/service/mail/files/{hash}", DownloadAsync).RequireAuthorization(Permissions.UseConsole);

    public static string FileUrl(string hash) => $"service/mail/files/{hash}";

    private static async Task<IResult> DownloadAsync(string hash, HttpContext http, MailboxDesk mailboxes, CancellationToken ct)
    {
        var found = await mailboxes.DownloadAsync(Actor.From(http.User), hash, ct);
        if (found is not { } file)
        {
            return Results.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        // application/octet-stream with a file name: the browser saves it, whatever the sender said it was.
        return Results.File(file.Content, "application/octet-stream", file.FileName);
    }
}

using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Feedback;

namespace EcomOps.Console.Features.Service.Feedback;

public static class FeedbackEndpoints
{
    /// <summary><c>GET /service/feedback/digests/{id}</c>: a monthly digest's workbook, for its department (or the director and the admin).</summary>
    public static void MapFeedbackEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/service/feedback/digests/{id:int}", DownloadAsync).RequireAuthorization(Permissions.UseConsole);

    public static string DigestUrl(int id) => $"service/feedback/digests/{id}";

    private static async Task<IResult> DownloadAsync(int id, HttpContext http, FeedbackDigests digests, CancellationToken ct)
    {
        if (await digests.DownloadAsync(Actor.From(http.User), id, ct) is not { } file)
        {
            return Results.NotFound();
        }
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName);
    }
}

using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Org;
using Microsoft.Net.Http.Headers;

namespace EcomOps.Console.Features.Catalog;

public static class CatalogEndpoints
{
    /// <summary>
    /// A product image or its thumbnail, by the hash of its bytes: the same address always answers the same picture, so
    /// browsers keep it (privately: only signed-in people see the catalogue) and ask again only with its tag.
    /// </summary>
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/catalog/images/{hash}", (string hash, HttpContext http, ProductImageDesk images, CancellationToken ct) => ServeAsync(hash, false, http, images, ct))
            .RequireAuthorization(Permissions.UseConsole);
        endpoints.MapGet("/catalog/images/{hash}/thumb", (string hash, HttpContext http, ProductImageDesk images, CancellationToken ct) => ServeAsync(hash, true, http, images, ct))
            .RequireAuthorization(Permissions.UseConsole);
    }

    private static async Task<IResult> ServeAsync(string hash, bool thumbnail, HttpContext http, ProductImageDesk images, CancellationToken ct)
    {
        var tag = new EntityTagHeaderValue($"\"{hash}{(thumbnail ? "-t" : "")}\"");
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        if (http.Request.Headers.IfNoneMatch.ToString() == tag.ToString())
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var found = await images.ContentAsync(hash, thumbnail, ct);
        if (found is not { } image)
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.NotFound();
        }
        // Served as what its bytes are, never sniffed into something else.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(image.Content, image.ContentType, entityTag: tag);
    }
}

using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;

namespace EcomOps.Console.Web;

/// <summary>
/// What the endpoints a sales channel calls share (orders, buyer messages): the channel's key in the
/// <see cref="ChannelApiKey.Header"/> header, a body read up to a limit, and every refusal as problem+json naming the field
/// at fault (<c>field</c>, <c>code</c>, and <c>errors</c> by field).
/// </summary>
public static class ChannelApi
{
    /// <summary>The request's channel and body, or the answer that refuses it (a missing or wrong key, a body too large).</summary>
    public static async Task<(SalesChannel? Channel, byte[]? Body, IResult? Refused)> AcceptAsync(HttpContext http, ChannelDesk channels, int maxBytes, CancellationToken ct)
    {
        var (channel, refused) = await ChannelOfAsync(http, channels, ct);
        if (channel is null)
        {
            return (null, null, refused);
        }
        return await ReadBodyAsync(http.Request, maxBytes, ct) is { } body ? (channel, body, null) : (null, null, TooLarge(maxBytes));
    }

    /// <summary>The active channel the request's key belongs to, or the 401 that says what is wrong with the key.</summary>
    public static async Task<(SalesChannel? Channel, IResult? Refused)> ChannelOfAsync(HttpContext http, ChannelDesk channels, CancellationToken ct)
    {
        var key = http.Request.Headers[ChannelApiKey.Header].ToString();
        if (await channels.FindByKeyAsync(key, ct) is { } channel)
        {
            return (channel, null);
        }
        var missing = string.IsNullOrWhiteSpace(key);
        return (null, Problem(StatusCodes.Status401Unauthorized, ChannelApiKey.Header, missing ? "ApiKeyMissing" : "ApiKeyInvalid",
            missing ? $"Send the channel's API key in the {ChannelApiKey.Header} header." : "The API key is not one of an active channel."));
    }

    /// <summary>The request's body, or null past <paramref name="maxBytes"/> (checked as it is read, whatever Content-Length says).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    public static IResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "$", "BodyTooLarge", $"A request may carry at most {maxBytes / 1024 / 1024} MB.");

    /// <summary>A JSON path as the API names fields: <c>$.orders[0].lines</c> is <c>orders[0].lines</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.TrimStart('.');
    }

    public static IResult Invalid(IReadOnlyList<FieldError> errors, string title)
    {
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).Distinct().ToArray());
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: string.Join("; ", errors.Take(20).Select(e => $"{e.Field}: {e.Code}")),
            extensions: new Dictionary<string, object?> { ["field"] = errors[0].Field, ["code"] = errors[0].Code, ["errors"] = byField });
    }

    public static IResult Problem(int status, string field, string code, string detail) =>
        Results.Problem(statusCode: status, title: code, detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field, ["code"] = code, ["errors"] = new Dictionary<string, string[]> { [field] = [code] } });
}

using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOps.Console.Web;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;

namespace EcomOps.Console.Features.Service;

/// <summary>
/// <c>POST /api/service/messages</c>: a sales platform delivers one buyer message (JSON: messageId, conversationId,
/// buyerName, buyerContact, orderId, text, language) with its channel's API key in <c>X-Api-Key</c>. It becomes a
/// ticket in the live queue, or joins its conversation's open ticket; delivered again, it is filed once (200 with the
/// ticket). Refusals are problem+json naming the field; nothing is written.
/// </summary>
public static class ServiceEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    private const string MessageInvalid = "The message is not valid; nothing was written.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static void MapServiceEndpoints(this IEndpointRouteBuilder endpoints) =>
        // Integrations authenticate with their channel's key, not with a sign-in cookie.
        endpoints.MapPost("/api/service/messages", PostAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Auth.RateLimits.OrderApi);

    private static async Task<IResult> PostAsync(HttpContext http, ChannelDesk channels, PlatformInbox inbox, CancellationToken ct)
    {
        var (channel, body, refused) = await ChannelApi.AcceptAsync(http, channels, MaxBodyBytes, ct);
        if (channel is null || body is null)
        {
            return refused!;
        }
        PlatformMessageForm? form;
        try
        {
            form = JsonSerializer.Deserialize<PlatformMessageForm>(body, Json);
        }
        catch (JsonException e)
        {
            return ChannelApi.Problem(StatusCodes.Status400BadRequest, ChannelApi.FieldOf(e.Path), "MalformedJson", e.Message.Split(" Path:", 2)[0]);
        }
        if (form is null)
        {
            return ChannelApi.Problem(StatusCodes.Status400BadRequest, "$", "Required", "The body must be a JSON object.");
        }
        var outcome = await inbox.FileAsync(channel.Id, channel.Code, form, ct);
        if (outcome.Errors.Contains(WriteRetry.Busy))
        {
            return DatabaseBusyAnswer.Busy();
        }
        if (outcome.Errors.Any(e => e.Code == PlatformInbox.StillFiling))
        {
            // The same message is being filed by another delivery this moment: ask for the usual retry.
            http.Response.Headers.RetryAfter = "5";
            return ChannelApi.Problem(StatusCodes.Status409Conflict, "messageId", PlatformInbox.StillFiling, "This message is being filed by another delivery; send it again in a few seconds.");
        }
        if (!outcome.Succeeded)
        {
            return ChannelApi.Invalid(outcome.Errors, MessageInvalid);
        }
        var filed = outcome.Value!;
        var answer = new { ticketId = filed.TicketId, ticket = Ticket.NumberOf(filed.TicketId), joined = filed.Joined, repeated = filed.Repeated, orderLinked = filed.OrderLinked };
        return filed.Repeated || filed.Joined ? Results.Ok(answer) : Results.Created($"/service/tickets/{filed.TicketId}", answer);
    }
}

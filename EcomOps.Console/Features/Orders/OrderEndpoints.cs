using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Console.Web;
using EcomOps.Domain.Time;

namespace EcomOps.Console.Features.Orders;

/// <summary>
/// <c>POST /api/orders</c>: a channel sends one order (a JSON object) or a batch (<c>{"orders": [...]}</c>), with its
/// API key in the <c>X-Api-Key</c> header. Intake is idempotent on (channel, platform order id). Every refusal is
/// problem+json naming the field at fault (<c>field</c>, and <c>errors</c> by field), and writes nothing.
/// </summary>
public static class OrderEndpoints
{
    /// <summary>Largest request body read: 500 orders of a few lines each fit with room to spare.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private const string OrderInvalid = "The order is not valid; nothing was written.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Integrations authenticate with their channel's key, not with a sign-in cookie.
        endpoints.MapPost("/api/orders", PostAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Auth.RateLimits.OrderApi);
    }

    private static async Task<IResult> PostAsync(HttpContext http, ChannelDesk channels, OrderIntake intake, OrderSettings settings, CompanyTime time, CancellationToken ct)
    {
        var (channel, body, refused) = await ChannelApi.AcceptAsync(http, channels, MaxBodyBytes, ct);
        if (channel is null || body is null)
        {
            return refused!;
        }

        List<OrderJson?> orders;
        bool batch;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            batch = root.ValueKind == JsonValueKind.Array || (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("orders", out _));
            orders = root.ValueKind switch
            {
                JsonValueKind.Array => root.Deserialize<List<OrderJson?>>(Json) ?? [],
                JsonValueKind.Object when batch => root.GetProperty("orders").Deserialize<List<OrderJson?>>(Json) ?? [],
                JsonValueKind.Object => [root.Deserialize<OrderJson>(Json)],
                _ => throw new JsonException("The body must be a JSON object or array.", "$", null, null),
            };
        }
        catch (JsonException e)
        {
            var field = ChannelApi.FieldOf(e.Path);
            return ChannelApi.Problem(StatusCodes.Status400BadRequest, field, "MalformedJson", e.Message.Split(" Path:", 2)[0]);
        }
        if (orders.Count > settings.MaxBatchSize)
        {
            return ChannelApi.Problem(StatusCodes.Status413PayloadTooLarge, "orders", "BatchTooLarge", $"A batch may carry at most {settings.MaxBatchSize} orders; this one has {orders.Count}.");
        }

        var errors = new List<FieldError>();
        var drafts = new List<OrderDraft>();
        for (var i = 0; i < orders.Count; i++)
        {
            var prefix = batch ? $"orders[{i}]." : "";
            if (orders[i] is not { } order)
            {
                errors.Add(new FieldError($"{prefix.TrimEnd('.')}", "Required"));
                continue;
            }
            drafts.Add(ToDraft(order, prefix, errors, time));
        }
        if (errors.Count > 0)
        {
            return ChannelApi.Invalid(errors, OrderInvalid);
        }
        var outcome = await intake.TakeInAsync(new Actor(null, $"api:{channel.Code}"), channel.Id, drafts, null, ct);
        if (outcome.Errors.Contains(WriteRetry.Busy))
        {
            return Web.DatabaseBusyAnswer.Busy();
        }
        if (!outcome.Succeeded)
        {
            return ChannelApi.Invalid(outcome.Errors.Select(e => batch ? e : e with { Field = e.Field.StartsWith("orders[0].", StringComparison.Ordinal) ? e.Field["orders[0].".Length..] : e.Field }).ToList(), OrderInvalid);
        }
        var results = outcome.Value!.Select(r => new { orderId = r.OrderId, number = r.Number, r.PlatformOrderId, status = r.Status.ToString(), created = r.Created }).ToList();
        if (batch)
        {
            return Results.Ok(new { results, created = results.Count(r => r.created), existing = results.Count(r => !r.created) });
        }
        var single = results[0];
        return single.created ? Results.Created($"/orders/{single.orderId}", single) : Results.Ok(single);
    }

    private static OrderDraft ToDraft(OrderJson order, string prefix, List<FieldError> errors, CompanyTime time)
    {
        var lines = new List<OrderLineDraft>();
        for (var j = 0; j < (order.Lines?.Count ?? 0); j++)
        {
            var line = order.Lines![j];
            var at = $"{prefix}lines[{j}]";
            if (line is null)
            {
                errors.Add(new FieldError(at, "Required"));
                continue;
            }
            if (line.Quantity is null)
            {
                errors.Add(new FieldError($"{at}.quantity", "Required"));
            }
            if (line.UnitPrice is null)
            {
                errors.Add(new FieldError($"{at}.unitPrice", "Required"));
            }
            lines.Add(new OrderLineDraft(line.Sku ?? "", line.Title, line.Quantity ?? 0,
                Cents(line.UnitPrice ?? 0, $"{at}.unitPrice", errors), Cents(line.Discount ?? 0, $"{at}.discount", errors)));
        }
        return new OrderDraft
        {
            PlatformOrderId = order.PlatformOrderId ?? "",
            CustomerName = order.CustomerName ?? "",
            CustomerPhone = order.CustomerPhone ?? "",
            ShippingAddress = order.ShippingAddress ?? "",
            CustomerLanguage = order.CustomerLanguage,
            BuyerNote = order.BuyerNote,
            PromotionCode = order.PromotionCode,
            PlacedAtUtc = Time(order.PlacedAt, $"{prefix}placedAt", errors, time) ?? default,
            PaidAtUtc = Time(order.PaidAt, $"{prefix}paidAt", errors, time),
            ShippingFeeCents = Cents(order.ShippingFee ?? 0, $"{prefix}shippingFee", errors),
            Lines = lines,
        };
    }

    /// <summary>Yuan as cents by the one money rule (<see cref="Money"/>): more than two decimals is refused, never rounded.</summary>
    private static long Cents(decimal amount, string field, List<FieldError> errors)
    {
        if (!Money.TryFromDecimal(amount, out var cents, out var problem))
        {
            errors.Add(new FieldError(field, problem!));
            return 0;
        }
        return cents;
    }

    /// <summary>An ISO 8601 time; one without an offset is read as the company's wall-clock time.</summary>
    private static DateTime? Time(string? value, string field, List<FieldError> errors, CompanyTime time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || parsed.Year < 2000)
        {
            errors.Add(new FieldError(field, "DateInvalid"));
            return null;
        }
        return parsed.Kind switch
        {
            DateTimeKind.Utc => parsed,
            DateTimeKind.Local => parsed.ToUniversalTime(),
            _ => time.ToUtc(parsed),
        };
    }

    private sealed record OrderJson(
        string? PlatformOrderId, string? CustomerName, string? CustomerPhone, string? ShippingAddress, string? CustomerLanguage,
        string? BuyerNote, string? PlacedAt, string? PaidAt, decimal? ShippingFee, List<LineJson?>? Lines, string? PromotionCode = null);

    private sealed record LineJson(string? Sku, string? Title, int? Quantity, decimal? UnitPrice, decimal? Discount);
}

using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service;

/// <summary>One of the caller's latest orders, as the call dialog offers it to link.</summary>
public sealed record CallerOrder(int Id, string PlatformOrderId, string ChannelName, DateTime PlacedAtUtc, OrderStatus Status, ShippingStatus Shipping,
    long TotalCents, string CustomerName, string CustomerLanguage)
{
    public string Number => Order.NumberOf(Id);
}

/// <summary>
/// Who is calling, as far as the orders know: the number as the orders hold it, the name and language on the latest
/// order, how many orders came from it, and the latest few.
/// </summary>
public sealed record Caller(string Phone, string? Name, string? Language, int Orders, IReadOnlyList<CallerOrder> Latest)
{
    public bool Known => Orders > 0;
}

/// <summary>
/// The hotline's first step (§4.1.1): an agent types the caller's number and sees the customer and their latest orders,
/// so a call is logged against the right person and order without asking for either.
/// </summary>
public sealed class CallerLookup(IDbContextFactory<OpsDb> dbFactory)
{
    public const int LatestCount = 5;

    /// <summary>
    /// A number as the orders hold it: digits only, a leading +86 or 0086 (mainland China) dropped, so "+86 138-1234-5678"
    /// finds the orders placed with 13812345678. Null when it is not a phone number.
    /// </summary>
    public static string? Normalise(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var trimmed = number.Trim();
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')')))
        {
            return null;
        }
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (trimmed.StartsWith('+') && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        return TicketRules.IsContact(digits) ? digits : null;
    }

    public async Task<Outcome<Caller>> LookUpAsync(Actor actor, string? number, CancellationToken ct = default)
    {
        if (!actor.May(Org.Permissions.WorkTickets))
        {
            return Outcome<Caller>.Invalid([Actor.NotPermitted]);
        }
        if (Normalise(number) is not { } phone)
        {
            return Outcome<Caller>.Invalid([new FieldError("Number", string.IsNullOrWhiteSpace(number) ? "Required" : "ContactFormat")]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.Orders.AsNoTracking().Where(o => o.CustomerPhone == phone).OrderByDescending(o => o.PlacedAtUtc).ThenByDescending(o => o.Id)
            .Take(LatestCount)
            .Select(o => new CallerOrder(o.Id, o.PlatformOrderId, o.Channel!.Name, o.PlacedAtUtc, o.Status, o.ShippingStatus, o.TotalCents, o.CustomerName, o.CustomerLanguage))
            .ToListAsync(ct);
        var count = latest.Count < LatestCount ? latest.Count : await db.Orders.CountAsync(o => o.CustomerPhone == phone, ct);
        return Outcome<Caller>.Done(new Caller(phone, latest.FirstOrDefault()?.CustomerName, latest.FirstOrDefault()?.CustomerLanguage, count, latest));
    }
}

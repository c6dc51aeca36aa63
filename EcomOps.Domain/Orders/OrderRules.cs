using System.Text.RegularExpressions;
using EcomOps.Domain.Data;

namespace EcomOps.Domain.Orders;

/// <summary>What a well-formed order is: the checks every way in (API, export import, edits) applies before writing.</summary>
public static partial class OrderRules
{
    public const int MaxPlatformOrderIdLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxPhoneLength = 40;
    public const int MaxAddressLength = 300;
    public const int MaxNoteLength = 500;
    public const int MaxTrackingLength = 40;
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;

    /// <summary>¥10,000,000: beyond any real order; a larger amount is a unit mistake (fen for yuan).</summary>
    public const long MaxAmountCents = 1_000_000_000;

    public static readonly IReadOnlyList<string> Languages = ["zh-Hans", "en"];

    /// <summary>How long a held order may wait in the exception queue before it is flagged: half a working day.</summary>
    public static readonly TimeSpan LongWait = TimeSpan.FromHours(4);

    /// <summary>Holds about money: releasing one reserves stock for an order that may never be paid, so it needs a note.</summary>
    public static bool ReleaseNeedsNote(HoldReason reason) => reason is HoldReason.PaymentNotConfirmed or HoldReason.HighValue;

    /// <summary>Checks one draft; field names are relative to it (<c>lines[2].quantity</c>), so a batch prefixes them.</summary>
    public static List<FieldError> Check(OrderDraft draft, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        Text(errors, "platformOrderId", draft.PlatformOrderId, MaxPlatformOrderIdLength, required: true);
        Text(errors, "customerName", draft.CustomerName, MaxNameLength, required: false);
        Text(errors, "customerPhone", draft.CustomerPhone, MaxPhoneLength, required: false);
        Text(errors, "shippingAddress", draft.ShippingAddress, MaxAddressLength, required: false);
        Text(errors, "buyerNote", draft.BuyerNote, MaxNoteLength, required: false);
        Text(errors, "promotionCode", draft.PromotionCode, Campaigns.Campaign.MaxCodeLength, required: false);
        if (!string.IsNullOrWhiteSpace(draft.CustomerLanguage) && !Languages.Contains(draft.CustomerLanguage))
        {
            errors.Add(new FieldError("customerLanguage", "UnknownLanguage"));
        }
        if (draft.PlacedAtUtc == default)
        {
            errors.Add(new FieldError("placedAt", "Required"));
        }
        else if (draft.PlacedAtUtc > nowUtc.AddMinutes(10))
        {
            // Platform clocks drift a little; an order from the future is a wrong date or time zone.
            errors.Add(new FieldError("placedAt", "DateInFuture"));
        }
        if (draft.PaidAtUtc is { } paid && (paid > nowUtc.AddMinutes(10) || (draft.PlacedAtUtc != default && paid < draft.PlacedAtUtc.AddMinutes(-1))))
        {
            errors.Add(new FieldError("paidAt", "PaidBeforePlaced"));
        }
        Amount(errors, "shippingFee", draft.ShippingFeeCents);
        if (draft.Lines.Count == 0)
        {
            errors.Add(new FieldError("lines", "NoLines"));
        }
        else if (draft.Lines.Count > MaxLines)
        {
            errors.Add(new FieldError("lines", "TooManyLines"));
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < draft.Lines.Count && i < MaxLines; i++)
        {
            var line = draft.Lines[i];
            var at = $"lines[{i}]";
            if (string.IsNullOrWhiteSpace(line.SkuCode))
            {
                errors.Add(new FieldError($"{at}.sku", "Required"));
            }
            else if (!seen.Add(line.SkuCode.Trim()))
            {
                errors.Add(new FieldError($"{at}.sku", "DuplicateLine"));
            }
            else
            {
                TextRules.Check(errors, $"{at}.sku", line.SkuCode);
            }
            TextRules.Check(errors, $"{at}.title", line.Title);
            if (line.Quantity <= 0 || line.Quantity > MaxQuantity)
            {
                errors.Add(new FieldError($"{at}.quantity", "QuantityOutOfRange"));
            }
            Amount(errors, $"{at}.unitPrice", line.UnitPriceCents);
            Amount(errors, $"{at}.discount", line.DiscountCents);
            if (line.DiscountCents > 0 && line.Quantity > 0 && line.DiscountCents > line.UnitPriceCents * line.Quantity)
            {
                errors.Add(new FieldError($"{at}.discount", "DiscountAboveLine"));
            }
        }
        return errors;
    }

    /// <summary>A mainland mobile or landline, or the masked and privacy-relay forms the platforms hand out.</summary>
    public static bool PhoneLooksPlausible(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return false;
        }
        var p = phone.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (p.StartsWith("+86", StringComparison.Ordinal))
        {
            p = p[3..].TrimStart('-');
        }
        return PhonePattern().IsMatch(p);
    }

    /// <summary>Long enough to deliver to, or a platform's ciphertext (delivered by the platform's own waybill).</summary>
    public static bool AddressLooksComplete(string? address, int minLength) =>
        !string.IsNullOrWhiteSpace(address) && (address.Trim().Length >= minLength || IsCiphertext(address.Trim()));

    public static bool IsCiphertext(string value) =>
        value.Length > 4 && ((value.StartsWith("##", StringComparison.Ordinal) && value.EndsWith("##", StringComparison.Ordinal))
            || (value.StartsWith("$$", StringComparison.Ordinal) && value.EndsWith("$$", StringComparison.Ordinal)));

    public static void Totals(Order order)
    {
        order.ItemsCents = order.Lines.Sum(l => l.Quantity * l.UnitPriceCents);
        order.DiscountCents = order.Lines.Sum(l => l.DiscountCents);
        order.TotalCents = order.ItemsCents - order.DiscountCents + order.ShippingFeeCents;
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "Required"));
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "TooLong"));
        }
        else
        {
            TextRules.Check(errors, field, value);
        }
    }

    private static void Amount(List<FieldError> errors, string field, long cents)
    {
        if (cents < 0)
        {
            errors.Add(new FieldError(field, "AmountNegative"));
        }
        else if (cents > MaxAmountCents)
        {
            errors.Add(new FieldError(field, "AmountTooLarge"));
        }
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|1\d{2}\*{4}\d{4}|1\d{10}-\d{1,4}|1\d{2}x{4,8}(-\d{1,4})?|0\d{2,3}-?\d{7,8}(-\d{1,5})?|\*+\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace EcomOps.Domain.Orders;

/// <summary>
/// The one reading of an amount of money in yuan, for the API, the import and the screens: whole cents or a refusal
/// saying why. It never rounds: an amount with more than two decimals (1.005) is refused, because rounding would
/// change what the customer was charged. Accepts thousands separators (<c>1,234.50</c>) and a leading <c>¥</c>/<c>￥</c>.
/// Refusal codes: AmountFormat (not an amount, or more than two decimals), AmountNegative, AmountTooLarge.
/// </summary>
public static partial class Money
{
    /// <summary>Text as people and exports write it: <c>1234.5</c>, <c>1,234.50</c>, <c>¥12.30</c>, <c>-3.00</c> (negative: refused).</summary>
    /// <param name="maxCents">The largest amount taken: an order's by default; the catalogue passes its own ceiling.</param>
    public static bool TryParse(string? text, out long cents, out string? problem, long maxCents = OrderRules.MaxAmountCents)
    {
        cents = 0;
        var value = (text ?? "").Trim();
        var negative = value.StartsWith('-');
        if (negative)
        {
            value = value[1..].TrimStart();
        }
        if (value.Length > 0 && value[0] is '¥' or '￥')
        {
            value = value[1..].TrimStart();
        }
        if (!negative && value.StartsWith('-'))
        {
            // ¥-3.00
            negative = true;
            value = value[1..].TrimStart();
        }
        if (!Shape().IsMatch(value))
        {
            problem = "AmountFormat";
            return false;
        }
        if (!decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            // Digits beyond what a decimal holds.
            problem = "AmountTooLarge";
            return false;
        }
        return TryFromDecimal(negative ? -amount : amount, out cents, out problem, maxCents);
    }

    /// <summary>An amount already read as a number (JSON, a numeric field): the same rules, still without rounding.</summary>
    public static bool TryFromDecimal(decimal amount, out long cents, out string? problem, long maxCents = OrderRules.MaxAmountCents)
    {
        cents = 0;
        if (decimal.Round(amount, 2, MidpointRounding.AwayFromZero) != amount)
        {
            problem = "AmountFormat";
            return false;
        }
        if (amount < 0)
        {
            problem = "AmountNegative";
            return false;
        }
        if (amount > maxCents / 100m)
        {
            problem = "AmountTooLarge";
            return false;
        }
        cents = (long)(amount * 100);
        problem = null;
        return true;
    }

    /// <summary>Cents as yuan with two decimals and no separators (<c>1309.00</c>), the same in every language.</summary>
    public static string Format(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    // Digits with correctly placed thousands separators or none, then optionally a decimal point and digits.
    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

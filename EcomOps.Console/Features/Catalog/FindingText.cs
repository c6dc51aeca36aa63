using System.Globalization;
using EcomOps.Console.Localization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// A finding in words: its message (<c>Compliance.{MessageKey}</c>) with its arguments made readable — money in ¥,
/// fields and term categories by name — and where it stands (field and item), and the offending text found again in
/// the listing's current text for highlighting.
/// </summary>
public static class FindingText
{
    public static string Message(IStringLocalizer L, DisplayFormat format, FindingRow finding)
    {
        var a = finding.Arguments;
        string Arg(int i) => i < a.Count ? a[i] : "";
        string Money(int i) => long.TryParse(Arg(i), CultureInfo.InvariantCulture, out var fen) ? format.Money(fen / 100m) : Arg(i);
        return finding.MessageKey switch
        {
            FindingMessages.RequiredFieldMissing => L["Compliance.RequiredFieldMissing", FieldName(L, Arg(0))],
            FindingMessages.PriceBelowCost => L["Compliance.PriceBelowCost", Arg(0), Money(1), Money(2)],
            FindingMessages.PriceFarFromListPrice => L["Compliance.PriceFarFromListPrice", Arg(0), Money(1), Money(2), Arg(3)],
            FindingMessages.OutOfStockWhileLive when a.Count == 0 => L["Compliance.OutOfStockWhileLive"],
            FindingMessages.OutOfStockWhileLive => L["Compliance.OutOfStockWhileLiveSku", Arg(0)],
            // The text as the listing has it (100%), not the configured term (100 %).
            FindingMessages.BannedTerm => L["Compliance.BannedTerm", finding.HighlightText ?? Arg(0), L[$"Compliance.Category.{Arg(1)}"]],
            FindingMessages.HealthClaimOutsideHealthCategory => L["Compliance.HealthClaimOutsideHealthCategory", finding.HighlightText ?? Arg(0)],
            _ => L[$"Compliance.{finding.MessageKey}", [.. a]],
        };
    }

    /// <summary>Where the finding stands: the field, with the SKU or the selling point's number.</summary>
    public static string Place(IStringLocalizer L, FindingRow finding) =>
        finding.Field == FindingFields.SellingPoints && int.TryParse(finding.Item, CultureInfo.InvariantCulture, out var line)
            ? L["Compliance.SellingPointNumber", line + 1]
            : finding.Rule == ListingRuleKind.RequiredFields ? FieldName(L, finding.Field)
            : finding.Item is { } item ? $"{L[$"Compliance.Field.{finding.Field}"]} · {item}"
            : L[$"Compliance.Field.{finding.Field}"];

    /// <summary>A required listing field by its name (<see cref="ListingField"/>).</summary>
    private static string FieldName(IStringLocalizer L, string field) =>
        Enum.TryParse<ListingField>(field, out var listingField) ? L[$"Listing.Field.{listingField}"] : field;

    /// <summary>How long is left, or how long it has been overdue, in days and hours (minutes under an hour).</summary>
    public static string TimeLeft(IStringLocalizer L, DateTime dueUtc, DateTime nowUtc)
    {
        var span = dueUtc - nowUtc;
        var abs = span.Duration();
        var text = abs.TotalHours < 1 ? L["Compliance.Minutes", (int)abs.TotalMinutes]
            : abs.TotalDays < 1 ? L["Compliance.Hours", (int)abs.TotalHours]
            : L["Compliance.DaysHours", (int)abs.TotalDays, abs.Hours];
        return span < TimeSpan.Zero ? L["Compliance.OverdueBy", text] : L["Compliance.Left", text];
    }

    /// <summary>The field's current text a finding speaks of (a selling point: its line), or null for a finding about no text.</summary>
    public static string? TextOf(FindingRow finding, string? title, string? sellingPoints, string? description) => finding.Field switch
    {
        FindingFields.Title => title,
        FindingFields.Description => description,
        FindingFields.SellingPoints when int.TryParse(finding.Item, CultureInfo.InvariantCulture, out var i)
            && ListingFactsReader.SellingPointLines(sellingPoints) is var lines && i < lines.Count => lines[i],
        _ => null,
    };

    /// <summary>
    /// The text split around the offending text: where the audit saw it if it still stands there, else where it stands
    /// now (the text was edited elsewhere); Mark is empty when it is gone (fixed, waiting for the next check).
    /// </summary>
    public static (string Before, string Mark, string After) Highlight(string text, FindingRow finding)
    {
        if (finding.HighlightText is not { Length: > 0 } offending)
        {
            return (text, "", "");
        }
        var at = finding.HighlightStart is { } start && finding.HighlightLength is { } length && start + length <= text.Length
            && string.Equals(text.Substring(start, length), offending, StringComparison.OrdinalIgnoreCase)
                ? start
                : text.IndexOf(offending, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (text, "", "") : (text[..at], text.Substring(at, offending.Length), text[(at + offending.Length)..]);
    }
}

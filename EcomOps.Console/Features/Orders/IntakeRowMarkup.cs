using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EcomOps.Domain.Orders;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace EcomOps.Console.Features.Orders;

/// <summary>
/// One channel's row of the order board's intake table (its name, today's orders hour by hour, the total) as markup made
/// once per board snapshot, language and permission, and shared by every open board. Written as components the rows are
/// some six render-tree frames per hour cell in every circuit, and a circuit's buffers double in size as the day's
/// columns grow (an order-board circuit measured 480 KB at 18:00 and 553 KB at 21:30); as markup a row is one frame, and a
/// change replaces only the rows whose text changed. A row's strings live as long as its snapshot.
/// </summary>
internal static class IntakeRowMarkup
{
    private static readonly ConditionalWeakTable<OrderBoard, ConcurrentDictionary<RowKey, MarkupString>> Made = new();

    // Channel names are the company's own text: encoded like any text, letters of every script kept as they are.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<(int HourNow, string UiCulture), MarkupString> Headers = new();

    private readonly record struct RowKey(int ChannelId, string Culture, string UiCulture, bool CanOpenOrders, bool CanOpenListings);

    /// <summary>The row of <paramref name="channel"/> in <paramref name="board"/>, for a viewer with these permissions, in the current language.</summary>
    public static MarkupString Row(OrderBoard board, ChannelHourIntake channel, int hourNow, DateOnly today, bool canOpenOrders, bool canOpenListings,
        IStringLocalizer<UiText> text)
    {
        var rows = Made.GetValue(board, _ => new ConcurrentDictionary<RowKey, MarkupString>());
        var key = new RowKey(channel.ChannelId, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, canOpenOrders, canOpenListings);
        return rows.TryGetValue(key, out var made) ? made : rows.GetOrAdd(key, new MarkupString(Build(channel, hourNow, today, canOpenOrders, canOpenListings, text)));
    }

    /// <summary>The table's header row: the channel, each hour of the day so far, the total.</summary>
    public static MarkupString Header(int hourNow, IStringLocalizer<UiText> text) =>
        Headers.GetOrAdd((hourNow, CultureInfo.CurrentUICulture.Name), _ =>
        {
            var html = new StringBuilder("<tr><th>").Append(Encoder.Encode(text["Orders.Channel"].Value)).Append("</th>");
            for (var hour = 0; hour <= hourNow; hour++)
            {
                html.Append("<th class=\"text-right\">").Append(hour.ToString("D2", CultureInfo.InvariantCulture)).Append("</th>");
            }
            return new MarkupString(html.Append("<th class=\"text-right\">").Append(Encoder.Encode(text["Orders.Board.Total"].Value)).Append("</th></tr>").ToString());
        });

    private static string Build(ChannelHourIntake channel, int hourNow, DateOnly today, bool canOpenOrders, bool canOpenListings, IStringLocalizer<UiText> text)
    {
        var culture = CultureInfo.CurrentCulture;
        var html = new StringBuilder(256 + 64 * (hourNow + 1));
        html.Append("<tr><td style=\"white-space: nowrap\">").Append(Encoder.Encode(channel.ChannelName));
        if (channel.ForPausedListings > 0)
        {
            var paused = Encoder.Encode(text["Orders.Board.PausedListingOrders", channel.ForPausedListings].Value);
            html.Append("<div class=\"mud-typography mud-typography-caption mud-warning-text\" data-testid=\"board-paused-")
                .Append(channel.ChannelId.ToString(CultureInfo.InvariantCulture)).Append("\">");
            if (canOpenListings)
            {
                html.Append("<a class=\"mud-link mud-warning-text mud-link-underline-hover\" href=\"/catalog/listings?channel=")
                    .Append(channel.ChannelId.ToString(CultureInfo.InvariantCulture)).Append("&amp;state=Paused\">").Append(paused).Append("</a>");
            }
            else
            {
                html.Append(paused);
            }
            html.Append("</div>");
        }
        html.Append("</td>");
        for (var hour = 0; hour <= hourNow; hour++)
        {
            var count = channel.PerHour[hour];
            html.Append("<td class=\"text-right\">");
            if (count > 0 && canOpenOrders)
            {
                html.Append("<a class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover\" href=\"/orders?channel=")
                    .Append(channel.ChannelId.ToString(CultureInfo.InvariantCulture))
                    .Append("&amp;from=").Append(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append("&amp;hour=").Append(hour.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(count.ToString(culture)).Append("</a>");
            }
            else if (count > 0)
            {
                html.Append(count.ToString(culture));
            }
            else
            {
                html.Append("<span class=\"mud-text-secondary\">·</span>");
            }
            html.Append("</td>");
        }
        html.Append("<td class=\"text-right\" data-testid=\"board-intake-").Append(channel.ChannelId.ToString(CultureInfo.InvariantCulture))
            .Append("\"><b>").Append(channel.Total.ToString(culture)).Append("</b></td></tr>");
        return html.ToString();
    }
}

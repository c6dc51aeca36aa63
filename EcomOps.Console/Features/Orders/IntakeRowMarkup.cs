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
/// The cells of one channel's row of the order board's intake table (its name, today's orders hour by hour, the total) as
/// markup made once per board snapshot, language and permission, and shared by every open board. Written as components
/// the cells are some six render-tree frames each in every circuit, and a circuit's buffers double in size as the day's
/// columns grow (an order-board circuit measured 480 KB at 18:00 and 553 KB at 21:30); as markup a cell is one frame. A
/// cell is markup of its own, not the row: a new order replaces its hour's cell and the total in every open tab, not the
/// channel's whole row (which made each tab parse and lay out the row again). A row's strings live as long as its snapshot.
/// </summary>
internal static class IntakeRowMarkup
{
    private static readonly ConditionalWeakTable<OrderBoard, ConcurrentDictionary<RowKey, MarkupString[]>> Made = new();

    // Channel names are the company's own text: encoded like any text, letters of every script kept as they are.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly ConcurrentDictionary<(int HourNow, string UiCulture), MarkupString> Headers = new();

    private readonly record struct RowKey(int ChannelId, string Culture, string UiCulture, bool CanOpenOrders, bool CanOpenListings);

    /// <summary>
    /// The cells of <paramref name="channel"/>'s row in <paramref name="board"/> (the channel, each hour so far, the total),
    /// each a <c>&lt;td&gt;</c>, for a viewer with these permissions, in the current language.
    /// </summary>
    public static MarkupString[] Cells(OrderBoard board, ChannelHourIntake channel, int hourNow, DateOnly today, bool canOpenOrders, bool canOpenListings,
        IStringLocalizer<UiText> text)
    {
        var rows = Made.GetValue(board, _ => new ConcurrentDictionary<RowKey, MarkupString[]>());
        var key = new RowKey(channel.ChannelId, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, canOpenOrders, canOpenListings);
        return rows.TryGetValue(key, out var made) ? made : rows.GetOrAdd(key, Build(channel, hourNow, today, canOpenOrders, canOpenListings, text));
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

    private static MarkupString[] Build(ChannelHourIntake channel, int hourNow, DateOnly today, bool canOpenOrders, bool canOpenListings, IStringLocalizer<UiText> text)
    {
        var culture = CultureInfo.CurrentCulture;
        var cells = new MarkupString[hourNow + 3];
        var html = new StringBuilder(256);
        html.Append("<td style=\"white-space: nowrap\">").Append(Encoder.Encode(channel.ChannelName));
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
        cells[0] = new MarkupString(html.Append("</td>").ToString());
        for (var hour = 0; hour <= hourNow; hour++)
        {
            var count = channel.PerHour[hour];
            html.Clear().Append("<td class=\"text-right\">");
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
                // Most of a day's cells: one string for all of them.
                cells[hour + 1] = NoOrders;
                continue;
            }
            cells[hour + 1] = new MarkupString(html.Append("</td>").ToString());
        }
        cells[hourNow + 2] = new MarkupString(html.Clear().Append("<td class=\"text-right\" data-testid=\"board-intake-").Append(channel.ChannelId.ToString(CultureInfo.InvariantCulture))
            .Append("\"><b>").Append(channel.Total.ToString(culture)).Append("</b></td>").ToString());
        return cells;
    }

    private static readonly MarkupString NoOrders = new("<td class=\"text-right\"><span class=\"mud-text-secondary\">·</span></td>");
}

using System.Text;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Complaints;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders.Import;

/// <summary>What an import did: either all its new orders were taken in, or nothing was and the problems say why.</summary>
public sealed record ImportOutcome(int Created, int AlreadyThere, int Held, int SkippedClosed, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports a platform export into a channel: every row is checked first (by <see cref="ExportReader"/>, then SKUs
/// against the catalogue); if anything is wrong nothing is written. A valid file goes in through
/// <see cref="OrderIntake"/> in one transaction, so re-importing an overlapping file adds only the new orders.
/// </summary>
public sealed class OrderImport(IDbContextFactory<OpsDb> dbFactory, OrderIntake intake)
{
    public async Task<ImportOutcome> ImportAsync(Actor actor, int channelId, ExportReadResult read, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!read.Valid)
        {
            return new ImportOutcome(0, 0, 0, read.SkippedClosed, read.Problems);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var channel = await db.SalesChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, ct);
            if (channel is null)
            {
                return new ImportOutcome(0, 0, 0, 0, [new ImportProblem("", 0, null, "ChannelUnknown")]);
            }
            if (read.Platform is { } platform && !Fits(platform, channel.Platform))
            {
                var file = read.Orders.FirstOrDefault()?.File ?? "";
                return new ImportOutcome(0, 0, 0, 0, [new ImportProblem(file, 1, null, "PlatformMismatch", $"{platform} → {channel.Platform}")]);
            }
        }
        if (read.Orders.Count == 0)
        {
            return new ImportOutcome(0, 0, 0, read.SkippedClosed, []);
        }
        var outcome = await intake.TakeInAsync(actor, channelId, [.. read.Orders.Select(o => o.Draft)], progress, ct);
        if (!outcome.Succeeded)
        {
            return new ImportOutcome(0, 0, 0, read.SkippedClosed, [.. outcome.Errors.Select(e => ToProblem(read, e)).OrderBy(p => p.File).ThenBy(p => p.Row)]);
        }
        var results = outcome.Value!;
        return new ImportOutcome(results.Count(r => r.Created), results.Count(r => !r.Created), results.Count(r => r.Created && r.Status == OrderStatus.OnHold), read.SkippedClosed, []);
    }

    /// <summary>
    /// The report of a refused import, as CSV (UTF-8 with BOM, so Excel shows Chinese): file, row, column, reason, value.
    /// The reason is given the whole problem, so a cross-check can say what was expected and what was found.
    /// </summary>
    public static byte[] ReportCsv(IReadOnlyList<ImportProblem> problems, Func<ImportProblem, string> reasonText, IReadOnlyList<string> headings)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", headings.Select(Cell)));
        foreach (var p in problems)
        {
            csv.AppendLine(string.Join(",", new[] { p.File, p.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Column ?? "", reasonText(p), p.Value ?? "" }.Select(Cell)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A CSV cell; text a spreadsheet would run as a formula (a buyer note "=HYPERLINK(...)") is kept inert.</summary>
    private static string Cell(string value)
    {
        value = SpreadsheetText.ForCsv(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static bool Fits(SalesPlatform export, SalesPlatform channel) =>
        export == channel || (export is SalesPlatform.Tmall or SalesPlatform.Taobao && channel is SalesPlatform.Tmall or SalesPlatform.Taobao);

    private static ImportProblem ToProblem(ExportReadResult read, FieldError error)
    {
        // Intake names fields as orders[i].lines[j].sku; the report names the file, row and column they came from.
        var field = error.Field;
        if (!field.StartsWith("orders[", StringComparison.Ordinal) || field.IndexOf(']') is not (> 7 and var close)
            || !int.TryParse(field.AsSpan(7, close - 7), out var i) || i >= read.Orders.Count)
        {
            return new ImportProblem(read.Orders.FirstOrDefault()?.File ?? "", 0, null, error.Code);
        }
        var order = read.Orders[i];
        var rest = field[(close + 2)..];
        if (rest.StartsWith("lines[", StringComparison.Ordinal) && rest.IndexOf(']') is > 6 and var end
            && int.TryParse(rest.AsSpan(6, end - 6), out var j) && j < order.LineRows.Count)
        {
            return new ImportProblem(order.LineFiles[j], order.LineRows[j], ExportReader.ColumnFor(order.Kind, rest), error.Code, order.Draft.Lines[j].SkuCode);
        }
        return new ImportProblem(order.File, order.Row, ExportReader.ColumnFor(order.Kind, rest), error.Code, order.Draft.PlatformOrderId);
    }
}

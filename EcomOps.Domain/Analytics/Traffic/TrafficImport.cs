using System.Globalization;
using System.Text;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>A valid line of a traffic report.</summary>
public sealed record TrafficRow(int Line, TrafficChannel Channel, DateOnly Day, int Visits, int PageViews, int Visitors, int NewVisitors);

/// <summary>A line that cannot be imported, with every reason (error codes).</summary>
public sealed record InvalidTrafficRow(int Line, string Text, IReadOnlyList<string> Reasons);

/// <summary>A channel and day that appears on several lines of the file, or is stored already.</summary>
public sealed record DuplicateTrafficDay(TrafficChannel Channel, DateOnly Day, IReadOnlyList<int> Lines, bool AlreadyStored);

/// <summary>
/// What importing a file would do. <see cref="Rows"/> are the rows that would be written (for a day on several lines,
/// the last line). A file with problems (invalid lines, duplicates) is written only once the user confirms them.
/// </summary>
public sealed record TrafficPreview(string FileName, string? FileError, IReadOnlyList<TrafficRow> Rows,
    IReadOnlyList<InvalidTrafficRow> Invalid, IReadOnlyList<DuplicateTrafficDay> Duplicates)
{
    public bool HasProblems => Invalid.Count > 0 || Duplicates.Count > 0;
}

/// <summary>
/// Imports the platforms' traffic reports: a UTF-8 CSV with the columns channel, date, visits, page_views, visitors,
/// new_visitors (one line per channel and day). Checking never writes; writing is all or nothing.
/// </summary>
public sealed class TrafficImport(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public static readonly string[] Columns = ["channel", "date", "visits", "page_views", "visitors", "new_visitors"];

    private static readonly Dictionary<string, TrafficChannel> ChineseChannels = new()
    {
        ["天猫"] = TrafficChannel.Tmall,
        ["京东"] = TrafficChannel.JD,
        ["抖音"] = TrafficChannel.Douyin,
        ["拼多多"] = TrafficChannel.Pinduoduo,
        ["官网"] = TrafficChannel.WebShop,
        ["官网商城"] = TrafficChannel.WebShop,
    };

    public async Task<TrafficPreview> PreviewAsync(string fileName, byte[] content, CancellationToken ct = default)
    {
        TrafficPreview Refused(string code) => new(fileName, code, [], [], []);
        if (content.Length == 0)
        {
            return Refused("TrafficEmpty");
        }
        if (content.Length > MaxBytes)
        {
            return Refused("TrafficTooLarge");
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Refused("TrafficEncoding");
        }
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var header = SplitCsv(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Columns))
        {
            return Refused("TrafficColumns");
        }

        var today = time.Today;
        var valid = new List<TrafficRow>();
        var invalid = new List<InvalidTrafficRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var (row, reasons) = Parse(i + 1, SplitCsv(lines[i]), today);
            if (row is null)
            {
                invalid.Add(new InvalidTrafficRow(i + 1, lines[i].Length > 200 ? lines[i][..200] : lines[i], reasons));
            }
            else
            {
                valid.Add(row);
            }
        }
        if (valid.Count == 0 && invalid.Count == 0)
        {
            return Refused("TrafficEmpty");
        }

        var stored = await StoredKeysAsync(valid, ct);
        var duplicates = valid.GroupBy(r => (r.Channel, r.Day))
            .Where(g => g.Count() > 1 || stored.Contains(g.Key))
            .Select(g => new DuplicateTrafficDay(g.Key.Channel, g.Key.Day, g.Select(r => r.Line).ToList(), stored.Contains(g.Key)))
            .OrderBy(d => d.Day).ThenBy(d => d.Channel).ToList();
        var rows = valid.GroupBy(r => (r.Channel, r.Day)).Select(g => g.Last()).OrderBy(r => r.Line).ToList();
        return new TrafficPreview(fileName, null, rows, invalid, duplicates);
    }

    /// <summary>
    /// Writes the preview's rows (replacing stored days) in one transaction. Refused when the file had an error, when
    /// its problems are not confirmed, or (conflict) when days were stored since the preview was made.
    /// </summary>
    public async Task<Outcome<int>> CommitAsync(Actor actor, TrafficPreview preview, bool problemsConfirmed, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ImportPlatformReports))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        if (preview.FileError is not null || preview.Rows.Count == 0)
        {
            return Outcome<int>.Invalid([new FieldError("File", preview.FileError ?? "TrafficEmpty")]);
        }
        if (preview.HasProblems && !problemsConfirmed)
        {
            return Outcome<int>.Invalid([new FieldError("Confirm", "TrafficProblemsUnconfirmed")]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var known = preview.Duplicates.Where(d => d.AlreadyStored).Select(d => (d.Channel, d.Day)).ToHashSet();
        var days = preview.Rows.Select(r => r.Day).Distinct().ToList();
        var existing = await db.TrafficDays.Where(t => days.Contains(t.Day)).ToListAsync(ct);
        var keys = preview.Rows.Select(r => (r.Channel, r.Day)).ToHashSet();
        var replaced = existing.Where(t => keys.Contains((t.Channel, t.Day))).ToList();
        if (replaced.Any(t => !known.Contains((t.Channel, t.Day))))
        {
            return Outcome<int>.Conflict();
        }
        db.TrafficDays.RemoveRange(replaced);
        await db.SaveChangesAsync(ct);
        var now = time.UtcNow;
        db.TrafficDays.AddRange(preview.Rows.Select(r => new TrafficDay
        {
            Channel = r.Channel, Day = r.Day, Visits = r.Visits, PageViews = r.PageViews, Visitors = r.Visitors, NewVisitors = r.NewVisitors,
            ImportedAtUtc = now, ImportedBy = actor.Name, SourceFile = preview.FileName.Length > 260 ? preview.FileName[..260] : preview.FileName,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Done(preview.Rows.Count);
    }

    /// <summary>The stored days of the last weeks, newest first, for the import page.</summary>
    public async Task<IReadOnlyList<TrafficDay>> RecentAsync(int days, CancellationToken ct = default)
    {
        var from = time.Today.AddDays(-days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TrafficDays.AsNoTracking().Where(t => t.Day >= from).OrderByDescending(t => t.Day).ThenBy(t => t.Channel).ToListAsync(ct);
    }

    private async Task<HashSet<(TrafficChannel, DateOnly)>> StoredKeysAsync(List<TrafficRow> rows, CancellationToken ct)
    {
        var days = rows.Select(r => r.Day).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.TrafficDays.AsNoTracking().Where(t => days.Contains(t.Day)).Select(t => new { t.Channel, t.Day }).ToListAsync(ct);
        return stored.Select(s => (s.Channel, s.Day)).ToHashSet();
    }

    private static (TrafficRow? Row, IReadOnlyList<string> Reasons) Parse(int line, IReadOnlyList<string> cells, DateOnly today)
    {
        if (cells.Count != Columns.Length)
        {
            return (null, ["TrafficColumnCount"]);
        }
        var reasons = new List<string>();
        var channelText = cells[0].Trim();
        TrafficChannel channel = default;
        if (!(Enum.TryParse(channelText.Replace(" ", ""), ignoreCase: true, out channel) && Enum.IsDefined(channel)) && !ChineseChannels.TryGetValue(channelText, out channel))
        {
            reasons.Add("TrafficChannelUnknown");
        }
        if (!DateOnly.TryParseExact(cells[1].Trim(), ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            reasons.Add("TrafficDateInvalid");
        }
        else if (day >= today)
        {
            // A platform reports a day once it is over.
            reasons.Add("TrafficDateNotOver");
        }
        var numbers = new int[4];
        for (var n = 0; n < 4; n++)
        {
            if (!int.TryParse(cells[n + 2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[n]))
            {
                reasons.Add("TrafficNumberInvalid");
                break;
            }
        }
        if (!reasons.Contains("TrafficNumberInvalid"))
        {
            var (visits, pageViews, visitors, newVisitors) = (numbers[0], numbers[1], numbers[2], numbers[3]);
            if (visitors > visits)
            {
                reasons.Add("TrafficVisitorsAboveVisits");
            }
            if (newVisitors > visitors)
            {
                reasons.Add("TrafficNewAboveVisitors");
            }
            if (pageViews < visits)
            {
                reasons.Add("TrafficPageViewsBelowVisits");
            }
        }
        return reasons.Count > 0 ? (null, reasons) : (new TrafficRow(line, channel, day, numbers[0], numbers[1], numbers[2], numbers[3]), []);
    }

    /// <summary>Splits a CSV line; a field in double quotes may hold commas and doubled quotes.</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}

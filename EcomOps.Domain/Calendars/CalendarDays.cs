using System.Globalization;
using System.Text.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Calendars;

/// <summary>A calendar's stored days in the shape <see cref="BusinessCalendar"/> takes them.</summary>
public sealed record CalendarDates(IReadOnlyList<DateOnly> Holidays, IReadOnlyList<MakeUpWorkday> MakeUpWorkdays, IReadOnlyList<DatedHours> DatedHours)
{
    public static CalendarDates None { get; } = new([], [], []);

    /// <summary>
    /// Sorts days into holidays, make-up workdays (with Monday's hours) and dated hours. A day whose hours do not read
    /// is left out rather than closing the date: saving checks hours, so only a hand-edited database can hold one.
    /// </summary>
    public static CalendarDates From(IEnumerable<(DateOnly Date, CalendarDayKind Kind, string? Hours)> days)
    {
        var list = days.ToList();
        var dated = new List<DatedHours>();
        foreach (var day in list.Where(day => day.Kind == CalendarDayKind.SpecialHours))
        {
            if (SlaSettings.TryParseHours(day.Hours, out var hours, out _) && hours.Count > 0)
            {
                dated.Add(new DatedHours(day.Date, hours));
            }
        }
        return new CalendarDates(
            [.. list.Where(day => day.Kind == CalendarDayKind.Holiday).Select(day => day.Date)],
            [.. list.Where(day => day.Kind == CalendarDayKind.MakeUpWorkday).Select(day => new MakeUpWorkday(day.Date))],
            dated);
    }

    /// <summary>The same text for the same days, whatever their order: tells whether a calendar's days changed.</summary>
    public string Fingerprint =>
        string.Join(';', Holidays.Order().Select(date => $"H{date:yyyyMMdd}")
            .Concat(MakeUpWorkdays.Select(day => day.Date).Order().Select(date => $"W{date:yyyyMMdd}"))
            .Concat(DatedHours.OrderBy(day => day.Date).Select(day => $"D{day.Date:yyyyMMdd}{SlaSettings.FormatHours(day.Hours)}")));

    public static CalendarDates Of(CalendarSeed seed) => From(seed.Days.Select(day => (day.Date, day.Kind, (string?)null)));
}

/// <summary>
/// The one place the calendars' holidays, make-up workdays and dated hours come from: the <see cref="CalendarDay"/>
/// rows, held in memory as last read. The SLA clock (<see cref="Service.SlaSettingsDesk"/>), the ship-by promise and
/// the stock-count plan read them here; <see cref="CalendarDesk"/> edits them and <see cref="RefreshAsync"/> takes
/// changes saved by another server.
/// </summary>
public sealed class CalendarDays(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    private sealed record Snapshot(long Fingerprint, IReadOnlyList<CalendarDay> Days, BusinessCalendar Company);

    /// <summary>Never read yet: Monday to Friday without holidays, the week the calendars start from.</summary>
    private volatile Snapshot _snapshot = new(-1, [], CompanyCalendar(time.Zone, CalendarDates.None));

    /// <summary>
    /// The company's working days in its time zone: Monday to Friday, every hour of them (the ship-by promise counts
    /// whole days), without holidays, with make-up workdays.
    /// </summary>
    public BusinessCalendar Company => _snapshot.Company;

    public CalendarDates DatesOf(WorkCalendar calendar) =>
        CalendarDates.From(_snapshot.Days.Where(day => day.Calendar == calendar).Select(day => (day.Date, day.Kind, day.Hours)));

    /// <summary>Reads the stored days when they changed since the last read (or were never read); says whether they did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamps = await db.Set<CalendarDay>().AsNoTracking().Select(day => new { day.Id, day.Version }).ToListAsync(ct);
        // Any add, edit or removal changes the count, an id or a version; hashing them in id order sees each.
        var fingerprint = stamps.OrderBy(s => s.Id).Aggregate(17L, (hash, s) => unchecked((hash * 31 + s.Id) * 31 + s.Version));
        if (fingerprint == _snapshot.Fingerprint)
        {
            return false;
        }
        var days = await db.Set<CalendarDay>().AsNoTracking().OrderBy(day => day.Date).ToListAsync(ct);
        var company = CalendarDates.From(days.Where(day => day.Calendar == WorkCalendar.Company).Select(day => (day.Date, day.Kind, day.Hours)));
        _snapshot = new Snapshot(fingerprint, days, CompanyCalendar(time.Zone, company));
        return true;
    }

    /// <summary>
    /// Writes every seed not written before, skipping the dates a person already entered, and marks it written; so
    /// running it at every start changes nothing after the first, and a day someone removed or changed stays so.
    /// </summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applied = await db.Set<CalendarSeedApplied>().Select(s => s.Key).ToListAsync(ct);
        var written = 0;
        foreach (var listed in CalendarSeeds.All.Where(seed => !applied.Contains(seed.Key)))
        {
            var seed = listed.Calendar == WorkCalendar.ServiceDesk ? await WithDaysOfSavedSlaSettingsAsync(db, listed, ct) : listed;
            var taken = (await db.Set<CalendarDay>().Where(day => day.Calendar == seed.Calendar).Select(day => day.Date).ToListAsync(ct)).ToHashSet();
            foreach (var day in seed.Days.Where(day => taken.Add(day.Date)))
            {
                db.Add(new CalendarDay { Calendar = seed.Calendar, Date = day.Date, Kind = day.Kind, Name = day.Name });
                written++;
            }
            db.Add(new CalendarSeedApplied { Key = seed.Key, AppliedAtUtc = time.UtcNow });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server seeded at the same moment (same keys): its rows stand.
            return 0;
        }
        await RefreshAsync(ct);
        return written;
    }

    /// <summary>
    /// SLA settings saved before calendar days were stored apart kept the desk's holidays and make-up workdays in
    /// their document: those, where there are any, are the desk's first days instead of the default ones, so nobody's
    /// edits are lost.
    /// </summary>
    private static async Task<CalendarSeed> WithDaysOfSavedSlaSettingsAsync(OpsDb db, CalendarSeed seed, CancellationToken ct)
    {
        var document = await db.Set<Service.SlaSettingsRecord>().Where(r => r.Id == Service.SlaSettingsRecord.SingletonId).Select(r => r.Document).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return seed;
        }
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        if (!root.TryGetProperty("Holidays", out var holidays) || holidays.ValueKind != JsonValueKind.Array)
        {
            return seed;
        }
        const string FromSettings = "SLA settings";
        var days = holidays.EnumerateArray().Select(date => new CalendarSeedDay(DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture), CalendarDayKind.Holiday, FromSettings)).ToList();
        if (root.TryGetProperty("MakeUpWorkdays", out var makeUps) && makeUps.ValueKind == JsonValueKind.Array)
        {
            days.AddRange(makeUps.EnumerateArray().Select(day => new CalendarSeedDay(
                DateOnly.Parse(day.GetProperty("Date").GetString()!, CultureInfo.InvariantCulture), CalendarDayKind.MakeUpWorkday, FromSettings)));
        }
        return seed with { Days = [.. days.DistinctBy(day => day.Date)] };
    }

    private static BusinessCalendar CompanyCalendar(TimeZoneInfo zone, CalendarDates dates) =>
        BusinessCalendar.Weekdays(zone.Id, [OpeningInterval.AllDay], dates.Holidays, dates.MakeUpWorkdays);
}

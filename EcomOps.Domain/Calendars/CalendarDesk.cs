using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Calendars;

/// <summary>A calendar day as listed and edited; <see cref="Version"/> is what an edit or removal must quote.</summary>
public sealed record CalendarDayRow(int Id, WorkCalendar Calendar, DateOnly Date, CalendarDayKind Kind, string? Hours, string? Name, long Version);

/// <summary>A calendar day as a person fills it in.</summary>
public sealed class CalendarDayForm
{
    public WorkCalendar Calendar { get; set; }

    public DateOnly? Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>For a day with hours of its own: "09:00-12:00, 13:00-23:59" (23:59 and 24:00 mean the end of the day).</summary>
    public string? Hours { get; set; }

    public string? Name { get; set; }

    public static CalendarDayForm Of(CalendarDayRow row) =>
        new() { Calendar = row.Calendar, Date = row.Date, Kind = row.Kind, Hours = row.Hours, Name = row.Name };
}

/// <summary>What an edit did: the day's id, and for the service desk how the open tickets were recomputed.</summary>
/// <param name="ShipByMoved">For a change to the company calendar, how many unshipped orders got a new ship-by time.</param>
public sealed record CalendarEdit(int Id, SlaRecomputation? Recomputed, int? ShipByMoved = null);

/// <summary>
/// Lists, adds, edits and removes the dated days of the calendars. Only those who may supervise the service (the SLA
/// settings' permission) may change them; an edit or removal made from a stale copy is refused. After a change the
/// calendars are re-read, a change to the service desk's days recomputes every open ticket, as a policy change does, and a
/// change to the company's days the ship-by time of every order not shipped yet.
/// </summary>
public sealed class CalendarDesk(IDbContextFactory<OpsDb> dbFactory, SlaSettingsDesk slaSettings, TicketDesk tickets, Orders.ShipByRecompute shipBy)
{
    public const string NotPermitted = "CalendarNotPermitted";
    public const string DateRequired = "CalendarDateRequired";
    public const string DateTaken = "CalendarDateTaken";
    public const string HoursRequired = "CalendarHoursRequired";
    public const string HoursNotCounted = "CalendarHoursNotCounted";

    public async Task<IReadOnlyList<CalendarDayRow>> ListAsync(WorkCalendar calendar, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CalendarDay>().AsNoTracking().Where(day => day.Calendar == calendar).OrderBy(day => day.Date)
            .Select(day => new CalendarDayRow(day.Id, day.Calendar, day.Date, day.Kind, day.Hours, day.Name, day.Version)).ToListAsync(ct);
    }

    /// <summary>Adds a day (<paramref name="id"/> null) or changes one, quoting the version it was read at.</summary>
    public async Task<Outcome<CalendarEdit>> SaveAsync(Actor actor, int? id, long version, CalendarDayForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        if (!await MayEditAsync(db, actor, ct))
        {
            return Outcome<CalendarEdit>.Invalid([new FieldError("Permission", NotPermitted)]);
        }
        CalendarDay? day = null;
        if (id is { } existing)
        {
            day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Id == existing, ct);
            if (day is null)
            {
                return Outcome<CalendarEdit>.NotFound();
            }
            if (day.Version != version)
            {
                return Outcome<CalendarEdit>.Conflict();
            }
        }
        var (errors, hours) = Check(form);
        if (errors.Count == 0 && await db.Set<CalendarDay>().AnyAsync(d => d.Calendar == form.Calendar && d.Date == form.Date && d.Id != (id ?? 0), ct))
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Date), DateTaken));
        }
        if (errors.Count == 0 && form.Calendar == WorkCalendar.ServiceDesk)
        {
            // The desk's days must still fit its weekly hours (a make-up workday needs an open Monday).
            var others = await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Calendar == WorkCalendar.ServiceDesk && d.Id != (id ?? 0))
                .Select(d => new { d.Date, d.Kind, d.Hours }).ToListAsync(ct);
            var proposed = CalendarDates.From([.. others.Select(d => (d.Date, d.Kind, d.Hours)), (form.Date!.Value, form.Kind, hours)]);
            if ((await slaSettings.CheckDaysAsync(proposed, ct)).Count > 0)
            {
                errors.Add(new FieldError(nameof(CalendarDayForm.Kind), "SlaMakeUpDayClosedWeekday"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<CalendarEdit>.Invalid(errors);
        }

        if (day is null)
        {
            day = new CalendarDay { Calendar = form.Calendar };
            db.Add(day);
        }
        else
        {
            db.Entry(day).Property(d => d.Version).OriginalValue = version;
        }
        day.Calendar = form.Calendar;
        day.Date = form.Date!.Value;
        day.Kind = form.Kind;
        day.Hours = hours;
        day.Name = string.IsNullOrWhiteSpace(form.Name) ? null : form.Name.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency failure, or someone else adding the same date first: either way the other won.
            return Outcome<CalendarEdit>.Conflict();
        }
        return Outcome<CalendarEdit>.Done(await AppliedAsync(day.Id, day.Calendar, ct));
    }

    public async Task<Outcome<CalendarEdit>> RemoveAsync(Actor actor, int id, long version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        if (!await MayEditAsync(db, actor, ct))
        {
            return Outcome<CalendarEdit>.Invalid([new FieldError("Permission", NotPermitted)]);
        }
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return Outcome<CalendarEdit>.NotFound();
        }
        if (day.Version != version)
        {
            return Outcome<CalendarEdit>.Conflict();
        }
        db.Entry(day).Property(d => d.Version).OriginalValue = version;
        db.Remove(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<CalendarEdit>.Conflict();
        }
        return Outcome<CalendarEdit>.Done(await AppliedAsync(id, day.Calendar, ct));
    }

    /// <summary>
    /// The checks that need no database: a date, a name that fits, and for a day with hours of its own hours that read,
    /// end after they start and do not overlap; returns the hours to store (only such a day keeps any).
    /// </summary>
    public static (List<FieldError> Errors, string? Hours) Check(CalendarDayForm form)
    {
        var errors = new List<FieldError>();
        if (form.Date is null)
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Date), DateRequired));
        }
        if (form.Name is { } name && name.Trim().Length > CalendarDay.MaxNameLength)
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Name), "TooLong"));
        }
        if (!Enum.IsDefined(form.Calendar) || !Enum.IsDefined(form.Kind))
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Kind), "Required"));
            return (errors, null);
        }
        if (form.Kind != CalendarDayKind.SpecialHours)
        {
            return (errors, null);
        }
        if (form.Calendar == WorkCalendar.Company)
        {
            // The ship-by promise and the count plan count whole working days (see ShipByPolicy): hours would be ignored.
            errors.Add(new FieldError(nameof(CalendarDayForm.Kind), HoursNotCounted));
            return (errors, null);
        }
        var text = form.Hours?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Hours), HoursRequired));
            return (errors, null);
        }
        if (text.Length > CalendarDay.MaxHoursLength)
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Hours), "TooLong"));
            return (errors, null);
        }
        if (!SlaSettings.TryParseHours(text, out var hours, out var code))
        {
            errors.Add(new FieldError(nameof(CalendarDayForm.Hours), code!));
            return (errors, null);
        }
        return (errors, SlaSettings.FormatHours(hours));
    }

    /// <summary>
    /// Re-reads the calendars; when the desk's days changed, applies them to the SLA and recomputes the open tickets; when
    /// a company day changed, works out the unshipped orders' ship-by times again.
    /// </summary>
    private async Task<CalendarEdit> AppliedAsync(int id, WorkCalendar changed, CancellationToken ct)
    {
        var recomputed = await slaSettings.SyncAsync(ct) ? await tickets.RecomputeOpenAsync(ct) : null;
        var moved = changed == WorkCalendar.Company ? await shipBy.RecomputeOpenAsync(ct) : (int?)null;
        return new CalendarEdit(id, recomputed, moved);
    }

    private static async Task<bool> MayEditAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is { } userId
        && await db.Employees.Where(e => e.UserId == userId && e.Active).Select(e => e.Role).FirstOrDefaultAsync(ct) is { } role
        && Permissions.Allows(role, Permissions.SuperviseService);
}

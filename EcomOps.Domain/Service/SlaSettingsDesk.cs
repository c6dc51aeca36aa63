using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOps.Domain.Calendars;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service;

/// <summary>
/// The stored SLA settings: one row holding the whole document, so a change is one versioned, audited save. A save is
/// published on the tickets board, so every server of a cluster takes the new rules at once.
/// </summary>
[Live.LiveBoard(Live.Boards.Tickets)]
public sealed class SlaSettingsRecord : IVersioned, IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string Document { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedByName { get; set; }

    public long Version { get; set; }
}

internal sealed class SlaSettingsRecordConfiguration : IEntityTypeConfiguration<SlaSettingsRecord>
{
    public void Configure(EntityTypeBuilder<SlaSettingsRecord> b)
    {
        b.ToTable("SlaSettings");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.UpdatedByName).HasMaxLength(200);
    }
}

/// <summary>The settings as last saved, with the version a save must quote. Version 0: never saved, the defaults.</summary>
public sealed record SlaSettingsSnapshot(SlaSettings Settings, long Version, DateTime? UpdatedAtUtc, string? UpdatedByName);

/// <summary>What a save did to the open tickets: how many were recomputed and how many of their deadlines moved.</summary>
public sealed record SlaRecomputation(int Recomputed, int DeadlinesMoved);

/// <summary>
/// Reads and saves the SLA policies and calendar. A save checks the document (<see cref="SlaSettings.Build"/>), that
/// a reassignment names an active CS employee, and the version it was edited from; then it swaps the rules the clock
/// uses and recomputes every open ticket, so no deadline is left computed under the old rules.
/// </summary>
public sealed class SlaSettingsDesk(IDbContextFactory<OpsDb> dbFactory, ServiceSla sla, TicketDesk tickets, CalendarDays calendars, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private long _appliedVersion;

    /// <summary>The desk's dated days the applied rules were built with; null before the first sync.</summary>
    private volatile string? _appliedDays;

    public async Task<SlaSettingsSnapshot> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Set<SlaSettingsRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == SlaSettingsRecord.SingletonId, ct);
        return record is null
            ? new SlaSettingsSnapshot(SlaSettings.Default(), 0, null, null)
            : new SlaSettingsSnapshot(Read(record.Document), record.Version, record.UpdatedAtUtc, record.UpdatedByName);
    }

    /// <summary>
    /// Makes this server's rules those stored, when another server (or an earlier run) saved newer settings or changed
    /// the calendar's days. Start-up, the minute SLA sweep and calendar edits call it, so a change made on one server
    /// reaches every server within a minute.
    /// </summary>
    public async Task<bool> SyncAsync(CancellationToken ct = default)
    {
        await calendars.RefreshAsync(ct);
        var days = calendars.DatesOf(WorkCalendar.ServiceDesk);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<SlaSettingsRecord>().AsNoTracking().Where(r => r.Id == SlaSettingsRecord.SingletonId)
            .Select(r => new { r.Version }).FirstOrDefaultAsync(ct);
        if (days.Fingerprint == _appliedDays && (stored is null || stored.Version == Interlocked.Read(ref _appliedVersion)))
        {
            return false;
        }
        var snapshot = await LoadAsync(ct);
        var built = snapshot.Settings.Build(days);
        if (!built.Succeeded)
        {
            return false;
        }
        sla.Replace(built.Value.Calendar, built.Value.Policies);
        Interlocked.Exchange(ref _appliedVersion, snapshot.Version);
        _appliedDays = days.Fingerprint;
        return true;
    }

    public async Task<Outcome<SlaRecomputation>> SaveAsync(Actor actor, SlaSettings settings, long version, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.SuperviseService))
        {
            return Outcome<SlaRecomputation>.Invalid([Actor.NotPermitted]);
        }
        var days = calendars.DatesOf(WorkCalendar.ServiceDesk);
        var built = settings.Build(days);
        var errors = built.Errors.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        for (var i = 0; i < settings.Policies.Count; i++)
        {
            if (settings.Policies[i].ReassignToEmployeeId is { } employeeId
                && !await db.Employees.AnyAsync(e => e.Id == employeeId && e.Active && e.Team == Team.CustomerService, ct))
            {
                errors.Add(new FieldError($"{nameof(SlaSettings.Policies)}[{i}].ReassignTo", "AssigneeNotAgent"));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<SlaRecomputation>.Invalid(errors);
        }

        var record = await db.Set<SlaSettingsRecord>().FirstOrDefaultAsync(r => r.Id == SlaSettingsRecord.SingletonId, ct);
        if ((record?.Version ?? 0) != version)
        {
            return Outcome<SlaRecomputation>.Conflict();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var author = actor.UserId is null ? null : await db.Employees.Where(e => e.UserId == actor.UserId).Select(e => e.FullName).FirstOrDefaultAsync(ct);
        if (record is null)
        {
            // Version 0 stands for "never saved", so the first stored version is 1.
            record = new SlaSettingsRecord { Document = Write(settings), Version = 1 };
            db.Add(record);
        }
        else
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = version;
            record.Document = Write(settings);
        }
        record.UpdatedAtUtc = now;
        record.UpdatedByName = author ?? actor.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency failure, or a first save racing another first save on the same key: either way the other won.
            return Outcome<SlaRecomputation>.Conflict();
        }

        sla.Replace(built.Value.Calendar, built.Value.Policies);
        Interlocked.Exchange(ref _appliedVersion, record.Version);
        _appliedDays = days.Fingerprint;
        return Outcome<SlaRecomputation>.Done(await tickets.RecomputeOpenAsync(ct));
    }

    /// <summary>Whether the stored settings still build with the desk's dated days changed to <paramref name="days"/>.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckDaysAsync(CalendarDates days, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Settings.Build(days).Errors;

    private static SlaSettings Read(string document) => JsonSerializer.Deserialize<SlaSettings>(document, Json) ?? SlaSettings.Default();

    private static string Write(SlaSettings settings) => JsonSerializer.Serialize(settings, Json);
}

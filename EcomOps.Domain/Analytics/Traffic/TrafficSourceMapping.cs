using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>A platform source name as the mapping page edits it; <see cref="Id"/> 0 adds a name.</summary>
public sealed record SourceNameForm(int Id, TrafficChannel Platform, string Name, TrafficSource Source, long Version);

/// <summary>
/// The editable mapping from each platform's source names to the console's sources. Changing what a name maps to also
/// re-maps the days already imported under that name, in the same transaction, so dashboards never mix two mappings.
/// </summary>
public sealed class TrafficSourceMapping(IDbContextFactory<OpsDb> dbFactory)
{
    public async Task<IReadOnlyList<TrafficSourceName>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.TrafficSourceNames.AsNoTracking().ToListAsync(ct)).OrderBy(n => n.Platform).ThenBy(n => n.Source).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds or changes a name; the name is kept as typed (trimmed of outer spaces only, as a report cell is).</summary>
    public async Task<Outcome<long>> SaveAsync(Actor actor, SourceNameForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageTrafficSources))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        var name = form.Name.Trim();
        if (name.Length == 0)
        {
            errors.Add(new FieldError(nameof(form.Name), "TrafficSourceNameRequired"));
        }
        else if (name.Length > TrafficSourceName.MaxNameLength)
        {
            errors.Add(new FieldError(nameof(form.Name), "TrafficSourceNameTooLong"));
        }
        TextRules.Check(errors, nameof(form.Name), name);
        if (!Enum.IsDefined(form.Platform) || !Enum.IsDefined(form.Source))
        {
            errors.Add(new FieldError(nameof(form.Source), "TrafficSourceUnknown"));
        }
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        if (await db.TrafficSourceNames.AnyAsync(n => n.Platform == form.Platform && n.Name == name && n.Id != form.Id, ct))
        {
            return Outcome<long>.Invalid([new FieldError(nameof(form.Name), "TrafficSourceNameTaken")]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        TrafficSourceName entry;
        if (form.Id == 0)
        {
            entry = new TrafficSourceName { Platform = form.Platform, Name = name, Source = form.Source };
            db.TrafficSourceNames.Add(entry);
        }
        else
        {
            var found = await db.TrafficSourceNames.FirstOrDefaultAsync(n => n.Id == form.Id, ct);
            if (found is null)
            {
                return Outcome<long>.NotFound();
            }
            if (found.Version != form.Version)
            {
                return Outcome<long>.Conflict();
            }
            entry = found;
            db.Entry(entry).Property(x => x.Version).OriginalValue = form.Version;
            var (oldPlatform, oldName) = (entry.Platform, entry.Name);
            (entry.Platform, entry.Name, entry.Source) = (form.Platform, name, form.Source);
            // Days imported under the old name keep it as the platform wrote it; only what it counts as follows the mapping.
            await db.SourceTrafficDays.Where(d => d.Channel == oldPlatform && d.SourceName == oldName)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Source, form.Source), ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        await transaction.CommitAsync(ct);
        return Outcome<long>.Done(entry.Version);
    }
}

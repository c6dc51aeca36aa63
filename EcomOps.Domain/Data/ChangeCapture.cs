using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using EcomOps.Domain.Audit;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Data;

/// <summary>
/// The one place where every save is watched: it bumps concurrency versions, writes the audit trail in the same
/// transaction as the change, and publishes the changes that live boards show once the transaction has committed.
/// </summary>
public sealed class ChangeCapture(LiveFeed feed, TimeProvider clock) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> HiddenFields = new(StringComparer.Ordinal) { nameof(IVersioned.Version) };

    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = new();
    private readonly ConditionalWeakTable<DbTransaction, List<LiveChange>> _awaitingCommit = new();

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context;
        if (db is null || _pending.TryGetValue(db, out _))
        {
            return result;
        }

        var pending = Capture(db);
        if (pending.IsEmpty)
        {
            return result;
        }

        // The audit rows need the keys the database assigns, so they are saved just after the change; a
        // transaction of our own (when the caller has none) keeps the change and its audit rows one unit.
        if (pending.Audits.Count > 0 && db.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        _pending.AddOrUpdate(db, pending);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var db = eventData.Context;
        if (db is null || !_pending.TryGetValue(db, out var pending) || pending.Saving)
        {
            return result;
        }

        try
        {
            pending.Saving = true;
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = (db as OpsDb)?.Actor ?? Actor.System;
            if (pending.Audits.Count > 0)
            {
                db.Set<AuditEntry>().AddRange(pending.Audits.Select(a => a.ToEntry(actor, now)));
                await db.SaveChangesAsync(cancellationToken);
            }
            var changes = pending.Live.Select(l => l.ToChange(now)).ToList();

            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.CommitAsync(cancellationToken);
                feed.Publish(changes);
            }
            else if (db.Database.CurrentTransaction is { } callerTransaction)
            {
                _awaitingCommit.GetOrCreateValue(callerTransaction.GetDbTransaction()).AddRange(changes);
            }
            else
            {
                feed.Publish(changes);
            }
        }
        finally
        {
            await Finish(db, pending);
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var pending) && !pending.Saving)
        {
            await Finish(db, pending);
        }
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    /// <summary>
    /// A stale save (someone else changed the row first) does not reach <see cref="SaveChangesFailedAsync"/>: EF Core
    /// reports it here instead. Its pending audit and transaction end here too, or the pooled context would carry them to
    /// its next user, whose save then fails ("this transaction has completed").
    /// </summary>
    public async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        await SaveChangesFailedAsync(eventData, cancellationToken);
        return result;
    }

    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result) =>
        ThrowingConcurrencyExceptionAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        eventData.Context is { } db && _pending.TryGetValue(db, out var pending) && !pending.Saving ? Finish(db, pending) : Task.CompletedTask;

    /// <summary>
    /// Inserts new rows without the change tracker (<see cref="BulkInsert{T}"/>, one prepared command for them all), for
    /// operations that write many rows at once, inside their transaction; the rows get their database keys. Their live
    /// changes are published like those of a save, once that transaction commits. Audited rows and rows whose
    /// board carries values go through SaveChanges, which records their fields.
    /// </summary>
    public void Insert<T>(DbContext db, IReadOnlyCollection<T> rows) where T : class
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Rows are inserted inside the operation's transaction.");
        var board = typeof(T).GetCustomAttribute<LiveBoardAttribute>();
        if (typeof(IAudited).IsAssignableFrom(typeof(T)) || board is { CarriesValues: true })
        {
            throw new InvalidOperationException($"{typeof(T).Name} rows are saved through SaveChanges, which records their fields.");
        }
        if (rows.Count == 0)
        {
            return;
        }
        using (var insert = new BulkInsert<T>(db, keysFromDatabase: true))
        {
            foreach (var row in rows)
            {
                insert.Add(row);
            }
        }
        if (board is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!).ToList();
        _awaitingCommit.GetOrCreateValue(transaction.GetDbTransaction())
            .AddRange(rows.Select(r => new LiveChange(board.Board, typeof(T).Name, string.Join(",", key.Select(k => Show(k.GetValue(r)))), LiveChangeKind.Created, now)));
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_awaitingCommit.TryGetValue(transaction, out var changes))
        {
            _awaitingCommit.Remove(transaction);
            feed.Publish(changes);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _awaitingCommit.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Remove(transaction);
        return Task.CompletedTask;
    }

    private async Task Finish(DbContext db, PendingSave pending)
    {
        _pending.Remove(db);
        if (pending.OwnTransaction is { } own)
        {
            // Disposing a transaction that was not committed rolls it back.
            await own.DisposeAsync();
        }
    }

    private static PendingSave Capture(DbContext db)
    {
        var pending = new PendingSave();
        var entries = db.ChangeTracker.Entries().ToList();
        // A change inside an owned part (an item of a JSON column) is a change of the row that owns it, even when none of
        // the row's own columns moved: its version moves, its board hears of it and the audit keeps it.
        var parts = entries.Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (parts.Count > 0)
        {
            var rows = new Dictionary<(IEntityType, string), EntityEntry>();
            foreach (var row in entries.Where(e => e.State != EntityState.Deleted))
            {
                rows.TryAdd((row.Metadata, KeyOf(row, row.Metadata.FindPrimaryKey()!.Properties)), row);
            }
            foreach (var part in parts)
            {
                if (OwnerOf(rows, part) is { State: EntityState.Unchanged } owner)
                {
                    owner.State = EntityState.Modified;
                }
            }
        }
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                versioned.Version = (long)version.OriginalValue! + 1;
            }
            if (entry.Entity is IAudited)
            {
                // A new row's keys (its own and those of new rows it points to) are known only after the insert,
                // so its fields are read then; changed and deleted rows are read now, before their originals go.
                pending.Audits.Add(new PendingAudit(entry, entry.State, entry.State == EntityState.Added ? null : ChangedFields(entry, entry.State)));
            }
            if (entry.Metadata.ClrType.GetCustomAttribute<LiveBoardAttribute>() is { } board)
            {
                // The row as it was is gone once saved: copy it now.
                var before = board.CarriesValues && entry.State is EntityState.Modified or EntityState.Deleted ? entry.OriginalValues.ToObject() : null;
                pending.Live.Add(new PendingLive(entry, board, entry.State, before));
            }
        }
        return pending;
    }

    /// <summary>The row an owned part belongs to (through every level of nesting), when it is tracked.</summary>
    private static EntityEntry? OwnerOf(Dictionary<(IEntityType, string), EntityEntry> rows, EntityEntry part)
    {
        var ownership = part.Metadata.FindOwnership()!;
        var owner = rows.GetValueOrDefault((ownership.PrincipalEntityType, KeyOf(part, ownership.Properties)));
        return owner is not null && owner.Metadata.IsOwned() ? OwnerOf(rows, owner) : owner;
    }

    private static string KeyOf(EntityEntry entry, IReadOnlyList<IProperty> properties) =>
        string.Join("\u001f", properties.Select(p => Show(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue)));

    private static List<FieldChange> ChangedFields(EntityEntry entry, EntityState state)
    {
        var fields = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            if (HiddenFields.Contains(property.Metadata.Name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }
            switch (state)
            {
                case EntityState.Added when property.CurrentValue is not null && !property.Metadata.IsPrimaryKey():
                    fields.Add(new FieldChange(property.Metadata.Name, null, Show(property.CurrentValue)));
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    fields.Add(new FieldChange(property.Metadata.Name, Show(property.OriginalValue), null));
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    fields.Add(new FieldChange(property.Metadata.Name, Show(property.OriginalValue), Show(property.CurrentValue)));
                    break;
            }
        }
        return fields;
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Show(entry.Property(p.Name).CurrentValue)));

    private static AuditAction ToAction(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };

    private sealed class PendingSave
    {
        public List<PendingAudit> Audits { get; } = [];
        public List<PendingLive> Live { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
        public bool Saving { get; set; }
        public bool IsEmpty => Audits.Count == 0 && Live.Count == 0;
    }

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, List<FieldChange>? Fields)
    {
        public AuditEntry ToEntry(Actor actor, DateTime nowUtc) => new()
        {
            AtUtc = nowUtc,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityKey = KeyOf(Entry),
            Action = ToAction(State),
            Changes = Fields ?? ChangedFields(Entry, State),
        };
    }

    private sealed record PendingLive(EntityEntry Entry, LiveBoardAttribute Board, EntityState State, object? Before)
    {
        public LiveChange ToChange(DateTime nowUtc) => new(
            Board.Board,
            Entry.Metadata.ClrType.Name,
            KeyOf(Entry),
            State switch
            {
                EntityState.Added => LiveChangeKind.Created,
                EntityState.Deleted => LiveChangeKind.Deleted,
                _ => LiveChangeKind.Updated,
            },
            nowUtc)
        {
            Before = Before,
            After = Board.CarriesValues && State != EntityState.Deleted ? Entry.CurrentValues.ToObject() : null,
        };
    }
}

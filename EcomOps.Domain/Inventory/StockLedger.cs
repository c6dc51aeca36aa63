using EcomOps.Domain.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Inventory;

/// <summary>A quantity of one SKU on a request to the ledger. Whole units; the sign is given by the operation.</summary>
public sealed record StockLine(int SkuId, int Quantity);

/// <summary>One reference's lines in one warehouse, on a request that carries several (<see cref="StockLedger.ReserveManyAsync"/>).</summary>
public sealed record StockRequest(int WarehouseId, IReadOnlyList<StockLine> Lines, string Reference);

/// <summary>A line the ledger could not honour: how much was asked and how much there was to take it from.</summary>
public sealed record StockShortage(int SkuId, int Requested, int Available);

/// <summary>
/// What a ledger operation did. It is all-or-nothing: when it did not succeed, no balance moved and no movement was
/// written. <see cref="Errors"/> names input the ledger refuses (zero or negative quantities, unknown warehouse).
/// </summary>
public sealed record StockResult(bool Succeeded, IReadOnlyList<StockShortage> Shortages, IReadOnlyList<FieldError> Errors)
{
    public static readonly StockResult Done = new(true, [], []);

    public static StockResult Short(IReadOnlyList<StockShortage> shortages) => new(false, shortages, []);

    public static StockResult Invalid(params FieldError[] errors) => new(false, [], errors);
}

/// <summary>Error codes of the ledger; the UI translates each (as <c>Error.&lt;code&gt;</c>).</summary>
public static class StockErrors
{
    public const string QuantityNotPositive = "StockQuantityNotPositive";
    public const string QuantityZero = "StockQuantityZero";
    public const string NoLines = "StockNoLines";
    public const string Required = "Required";
    public const string TooLong = "TooLong";
}

/// <summary>
/// The only way stock changes. Each operation writes one <see cref="StockMovement"/> per SKU and moves the SKU's
/// <see cref="StockBalance"/> with a conditional UPDATE in the same transaction, so two callers can never both take
/// the last unit: SQLite runs one writer at a time, and the condition is checked by the UPDATE itself. After each
/// change the SKUs' alerts and reorder suggestions are re-evaluated (<see cref="InventoryWatch"/>) in the same transaction.
/// Every method takes the caller's context: inside the caller's transaction it only adds to that transaction (the
/// caller commits or rolls back); without one it commits its own. On a shortage or refused input nothing is written.
/// </summary>
public sealed class StockLedger(TimeProvider clock, InventoryWatch watch, ChangeCapture capture)
{
    /// <summary>Available becomes reserved. Fails, writing nothing, if any line has less available than asked.</summary>
    public Task<StockResult> ReserveAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> lines, string reference, string? reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, lines, reference, reason, StockMovementKind.Reservation, ct);

    /// <summary>
    /// Several reservations at once (a batch of orders, each its own reference), all or nothing: each SKU's balance
    /// moves once, by the sum of what the requests ask of it, with the same conditional UPDATE as one reservation, and
    /// each request gets its own movements. Fails, writing nothing, if any balance has less available than its sum;
    /// a caller that must know which request came up short reserves those one by one.
    /// </summary>
    public Task<StockResult> ReserveManyAsync(OpsDb db, IReadOnlyList<StockRequest> requests, CancellationToken ct) =>
        ApplyAsync(db, requests, null, StockMovementKind.Reservation, ct);

    /// <summary>Reserved goes back to available (an order cancelled or changed). Fails if less is reserved than asked.</summary>
    public Task<StockResult> ReleaseAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> lines, string reference, string? reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, lines, reference, reason, StockMovementKind.Release, ct);

    /// <summary>A reservation leaves the warehouse: on hand and reserved both go down. Fails if less is reserved than asked.</summary>
    public Task<StockResult> ShipAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> lines, string reference, string? reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, lines, reference, reason, StockMovementKind.Shipment, ct);

    /// <summary>Goods a customer sent back are put on hand again.</summary>
    public Task<StockResult> ReturnAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> lines, string reference, string? reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, lines, reference, reason, StockMovementKind.Return, ct);

    /// <summary>Goods arrived from a supplier go on hand (reference e.g. "po:45").</summary>
    public Task<StockResult> ReceiveAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> lines, string reference, string? reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, lines, reference, reason, StockMovementKind.Receipt, ct);

    /// <summary>
    /// Corrects on hand by a signed quantity per line (found, damaged, lost). A reason is required. A correction may
    /// not take on hand below what is reserved: that would promise stock that is not there.
    /// </summary>
    public Task<StockResult> AdjustAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> deltas, string reference, string reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, deltas, reference, reason, StockMovementKind.Adjustment, ct);

    /// <summary>Writes an approved count variance (signed, like <see cref="AdjustAsync"/>) to the ledger.</summary>
    public Task<StockResult> RecordCountVarianceAsync(OpsDb db, int warehouseId, IReadOnlyList<StockLine> deltas, string reference, string reason, CancellationToken ct) =>
        ApplyAsync(db, warehouseId, deltas, reference, reason, StockMovementKind.CountVariance, ct);

    /// <summary>
    /// Recomputes every balance from the movements (after bulk inserts that wrote movements directly). Balances
    /// without movements go to zero. Runs in the caller's transaction if there is one.
    /// </summary>
    /// <summary>
    /// Evaluates the alerts of the SKUs whose movements were deferred on <paramref name="db"/> (each once, per
    /// warehouse) and stops deferring; call it inside the transaction that recorded them, before the commit.
    /// </summary>
    public async Task EvaluateDeferredAsync(OpsDb db, CancellationToken ct)
    {
        var pending = db.DeferredStockWatch;
        db.DeferredStockWatch = null;
        foreach (var warehouse in (pending ?? []).GroupBy(p => p.WarehouseId))
        {
            await watch.EvaluateAsync(db, warehouse.Key, [.. warehouse.Select(p => p.SkuId)], ct);
        }
    }

    public async Task RebuildBalancesAsync(OpsDb db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "StockBalances" ("SkuId", "WarehouseId", "OnHand", "Reserved", "Version")
            SELECT "SkuId", "WarehouseId", SUM("OnHandDelta"), SUM("ReservedDelta"), 0
            FROM "StockMovements" WHERE true GROUP BY "SkuId", "WarehouseId"
            ON CONFLICT ("SkuId", "WarehouseId") DO UPDATE SET
                "OnHand" = excluded."OnHand", "Reserved" = excluded."Reserved", "Version" = "StockBalances"."Version" + 1
            WHERE "StockBalances"."OnHand" <> excluded."OnHand" OR "StockBalances"."Reserved" <> excluded."Reserved";
            """, ct);
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "StockBalances" SET "OnHand" = 0, "Reserved" = 0, "Version" = "Version" + 1
            WHERE ("OnHand" <> 0 OR "Reserved" <> 0) AND NOT EXISTS (SELECT 1 FROM "StockMovements" m
                WHERE m."SkuId" = "StockBalances"."SkuId" AND m."WarehouseId" = "StockBalances"."WarehouseId");
            """, ct);
    }

    /// <summary>How a movement kind moves on hand and reserved for a positive quantity (signed for corrections).</summary>
    public static (int OnHand, int Reserved) Deltas(StockMovementKind kind, int quantity) => kind switch
    {
        StockMovementKind.Receipt or StockMovementKind.Return or StockMovementKind.Adjustment or StockMovementKind.CountVariance => (quantity, 0),
        StockMovementKind.Reservation => (0, quantity),
        StockMovementKind.Release => (0, -quantity),
        StockMovementKind.Shipment => (-quantity, -quantity),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool IsCorrection(StockMovementKind kind) => kind is StockMovementKind.Adjustment or StockMovementKind.CountVariance;

    private Task<StockResult> ApplyAsync(
        OpsDb db, int warehouseId, IReadOnlyList<StockLine> lines, string reference, string? reason, StockMovementKind kind, CancellationToken ct) =>
        ApplyAsync(db, [new StockRequest(warehouseId, lines, reference)], reason, kind, ct);

    private async Task<StockResult> ApplyAsync(
        OpsDb db, IReadOnlyList<StockRequest> requests, string? reason, StockMovementKind kind, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return StockResult.Invalid(new FieldError("Lines", StockErrors.NoLines));
        }
        foreach (var request in requests)
        {
            if (Validate(request.Lines, request.Reference, reason, kind) is { } invalid)
            {
                return invalid;
            }
        }
        // The same SKU twice on one request is one movement of the sum; ordered by SKU so every caller takes rows alike.
        var merged = requests.Select(r => (Request: r, Lines: r.Lines.GroupBy(l => l.SkuId)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).OrderBy(l => l.SkuId).ToList())).ToList();
        // Each balance moves once, by what all the requests ask of it together.
        var totals = merged.SelectMany(m => m.Lines.Select(l => (m.Request.WarehouseId, l.SkuId, l.Quantity)))
            .GroupBy(t => (t.WarehouseId, t.SkuId)).Select(g => (g.Key.WarehouseId, g.Key.SkuId, Quantity: g.Sum(t => t.Quantity)))
            .OrderBy(t => t.WarehouseId).ThenBy(t => t.SkuId).ToList();

        var callerTransaction = db.Database.CurrentTransaction;
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken now, so the conditional updates
        // below never meet a snapshot another writer has already moved past.
        await using var own = callerTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        const string savepoint = "stock_ledger";
        if (callerTransaction is not null)
        {
            await callerTransaction.CreateSavepointAsync(savepoint, ct);
        }

        try
        {
            return await MoveAndRecordAsync(db, merged, totals, reason, kind, own, callerTransaction, savepoint, ct);
        }
        catch when (callerTransaction is not null)
        {
            // The caller's transaction goes on without this operation's half (its own, if any, rolls back on dispose).
            await callerTransaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
            throw;
        }
    }

    private async Task<StockResult> MoveAndRecordAsync(OpsDb db, List<(StockRequest Request, List<StockLine> Lines)> merged,
        List<(int WarehouseId, int SkuId, int Quantity)> totals, string? reason, StockMovementKind kind,
        IDbContextTransaction? own, IDbContextTransaction? callerTransaction, string savepoint, CancellationToken ct)
    {
        var shortages = new List<StockShortage>();
        await using var moves = new BalanceMoves(db);
        foreach (var (warehouseId, skuId, quantity) in totals)
        {
            var (onHand, reserved) = Deltas(kind, quantity);
            if (!await moves.MoveAsync(warehouseId, skuId, onHand, reserved, ct))
            {
                shortages.Add(new StockShortage(skuId, Math.Abs(quantity), await ShortfallBaseAsync(db, warehouseId, skuId, kind, ct)));
            }
        }
        if (shortages.Count > 0)
        {
            if (own is not null)
            {
                await own.RollbackAsync(ct);
            }
            else
            {
                await callerTransaction!.RollbackToSavepointAsync(savepoint, ct);
            }
            return StockResult.Short(shortages);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var employeeId = db.Actor.UserId is { } userId
            ? await db.Employees.Where(e => e.UserId == userId).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            : null;
        var movements = new List<StockMovement>();
        foreach (var (request, lines) in merged)
        {
            foreach (var line in lines)
            {
                var (onHand, reserved) = Deltas(kind, line.Quantity);
                movements.Add(new StockMovement
                {
                    SkuId = line.SkuId,
                    WarehouseId = request.WarehouseId,
                    Kind = kind,
                    OnHandDelta = onHand,
                    ReservedDelta = reserved,
                    Reference = request.Reference.Trim(),
                    Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
                    ActorName = db.Actor.Name,
                    ActorEmployeeId = employeeId,
                    AtUtc = now,
                });
            }
        }
        // Movements are only ever inserted: one prepared command for them all, their live changes published on commit.
        capture.Insert(db, movements);
        // What the caller changed before calling (a purchase order's received quantities) is saved with them, so the
        // evaluation below reads it.
        await db.SaveChangesAsync(ct);
        // Alerts and reorder suggestions follow the new balances in the same transaction: a shipment that crosses a
        // reorder point commits together with its alert, which the board then receives.
        if (db.DeferredStockWatch is { } deferred)
        {
            deferred.UnionWith(totals.Select(t => (t.WarehouseId, t.SkuId)));
        }
        else
        {
            foreach (var warehouse in totals.GroupBy(t => t.WarehouseId))
            {
                await watch.EvaluateAsync(db, warehouse.Key, [.. warehouse.Select(t => t.SkuId)], ct);
            }
        }
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
        else
        {
            await callerTransaction!.ReleaseSavepointAsync(savepoint, ct);
        }
        return StockResult.Done;
    }

    private static StockResult? Validate(IReadOnlyList<StockLine> lines, string reference, string? reason, StockMovementKind kind)
    {
        if (lines.Count == 0)
        {
            return StockResult.Invalid(new FieldError("Lines", StockErrors.NoLines));
        }
        if (IsCorrection(kind) ? lines.Any(l => l.Quantity == 0) : lines.Any(l => l.Quantity <= 0))
        {
            return StockResult.Invalid(new FieldError("Quantity", IsCorrection(kind) ? StockErrors.QuantityZero : StockErrors.QuantityNotPositive));
        }
        if (string.IsNullOrWhiteSpace(reference))
        {
            return StockResult.Invalid(new FieldError("Reference", StockErrors.Required));
        }
        if (reference.Trim().Length > StockMovement.MaxReferenceLength)
        {
            return StockResult.Invalid(new FieldError("Reference", StockErrors.TooLong));
        }
        if (IsCorrection(kind) && string.IsNullOrWhiteSpace(reason))
        {
            return StockResult.Invalid(new FieldError("Reason", StockErrors.Required));
        }
        if (reason is not null && reason.Trim().Length > StockMovement.MaxReasonLength)
        {
            return StockResult.Invalid(new FieldError("Reason", StockErrors.TooLong));
        }
        if (!TextRules.IsSafe(reason))
        {
            return StockResult.Invalid(new FieldError("Reason", TextRules.UnsafeCharacters));
        }
        return null;
    }

    /// <summary>
    /// Moves balances, each only if the move keeps it whole (reserved not below zero, on hand not below reserved): one
    /// prepared conditional UPDATE for all of an operation's balances. A balance row is created at zero the first time
    /// stock arrives for a SKU in a warehouse. Used inside the operation's transaction.
    /// </summary>
    private sealed class BalanceMoves : IAsyncDisposable
    {
        private readonly OpsDb _db;
        private readonly DbCommand _update;
        private readonly DbParameter _sku;
        private readonly DbParameter _warehouse;
        private readonly DbParameter _onHand;
        private readonly DbParameter _reserved;

        public BalanceMoves(OpsDb db)
        {
            _db = db;
            _update = db.Database.GetDbConnection().CreateCommand();
            _update.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            _update.CommandText = """
                UPDATE "StockBalances" SET "OnHand" = "OnHand" + @onHand, "Reserved" = "Reserved" + @reserved, "Version" = "Version" + 1
                WHERE "SkuId" = @sku AND "WarehouseId" = @warehouse AND "Reserved" + @reserved >= 0 AND "OnHand" + @onHand - ("Reserved" + @reserved) >= 0
                """;
            (_sku, _warehouse, _onHand, _reserved) = (Add("@sku"), Add("@warehouse"), Add("@onHand"), Add("@reserved"));
        }

        public async Task<bool> MoveAsync(int warehouseId, int skuId, int onHand, int reserved, CancellationToken ct)
        {
            if (onHand > 0)
            {
                await _db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO "StockBalances" ("SkuId", "WarehouseId", "OnHand", "Reserved", "Version") VALUES ({skuId}, {warehouseId}, 0, 0, 0) ON CONFLICT DO NOTHING""", ct);
            }
            (_sku.Value, _warehouse.Value, _onHand.Value, _reserved.Value) = (skuId, warehouseId, onHand, reserved);
            return await _update.ExecuteNonQueryAsync(ct) == 1;
        }

        public ValueTask DisposeAsync() => _update.DisposeAsync();

        private DbParameter Add(string name)
        {
            var parameter = _update.CreateParameter();
            parameter.ParameterName = name;
            _update.Parameters.Add(parameter);
            return parameter;
        }
    }

    /// <summary>What a refused line could have drawn on: available for reservations and corrections, reserved otherwise.</summary>
    private static async Task<int> ShortfallBaseAsync(OpsDb db, int warehouseId, int skuId, StockMovementKind kind, CancellationToken ct)
    {
        var balance = await db.Set<StockBalance>().AsNoTracking()
            .Where(b => b.SkuId == skuId && b.WarehouseId == warehouseId)
            .Select(b => new { b.OnHand, b.Reserved })
            .FirstOrDefaultAsync(ct);
        if (balance is null)
        {
            return 0;
        }
        return kind is StockMovementKind.Release or StockMovementKind.Shipment ? balance.Reserved : balance.OnHand - balance.Reserved;
    }
}

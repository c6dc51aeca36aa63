using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

public sealed class StockPolicyForm
{
    public int? SupplierId { get; set; }

    /// <summary>Null: use the computed reorder point.</summary>
    public int? ManualReorderPoint { get; set; }

    public int SafetyStock { get; set; }
    public int MaxStock { get; set; }
}

/// <summary>Setting how a SKU is kept in stock in a warehouse; the SKU's alerts and suggestion follow at once.</summary>
public sealed class StockPolicies(IDbContextFactory<OpsDb> dbFactory, InventoryWatch watch)
{
    public const string NegativeQuantity = "StockQuantityNegative";
    public const string MaxBelowReorderPoint = "MaxBelowReorderPoint";
    public const string SupplierUnknown = "SupplierUnknown";

    public async Task<Outcome<long>> SaveAsync(Actor actor, int skuId, int warehouseId, long version, StockPolicyForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageInventory))
        {
            return Outcome<long>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        if (form.ManualReorderPoint is < 0)
        {
            errors.Add(new FieldError(nameof(form.ManualReorderPoint), NegativeQuantity));
        }
        if (form.SafetyStock < 0)
        {
            errors.Add(new FieldError(nameof(form.SafetyStock), NegativeQuantity));
        }
        if (form.MaxStock < 0)
        {
            errors.Add(new FieldError(nameof(form.MaxStock), NegativeQuantity));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (form.SupplierId is { } supplierId && !await db.Set<Supplier>().AnyAsync(s => s.Id == supplierId && s.Active, ct))
        {
            errors.Add(new FieldError(nameof(form.SupplierId), SupplierUnknown));
        }
        if (!await db.Skus.AnyAsync(s => s.Id == skuId, ct) || !await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            return Outcome<long>.NotFound();
        }
        var policy = await db.Set<StockPolicy>().FirstOrDefaultAsync(p => p.SkuId == skuId && p.WarehouseId == warehouseId, ct);
        if (policy is not null && policy.Version != version)
        {
            return Outcome<long>.Conflict();
        }
        policy ??= db.Add(new StockPolicy { SkuId = skuId, WarehouseId = warehouseId }).Entity;
        var lead = form.SupplierId is { } s ? await db.Set<Supplier>().Where(x => x.Id == s).Select(x => x.LeadTimeDays).FirstOrDefaultAsync(ct) : 0;
        var computed = ReorderRules.ComputedReorderPoint(policy.AverageDailyDemand, lead, form.SafetyStock);
        if (errors.Count == 0 && form.MaxStock > 0 && form.MaxStock < (form.ManualReorderPoint ?? computed))
        {
            errors.Add(new FieldError(nameof(form.MaxStock), MaxBelowReorderPoint));
        }
        if (errors.Count > 0)
        {
            return Outcome<long>.Invalid(errors);
        }
        policy.SupplierId = form.SupplierId;
        policy.ManualReorderPoint = form.ManualReorderPoint;
        policy.SafetyStock = form.SafetyStock;
        policy.MaxStock = form.MaxStock;
        policy.ComputedReorderPoint = computed;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict();
        }
        await watch.EvaluateAsync(db, warehouseId, [skuId], ct);
        await transaction.CommitAsync(ct);
        return Outcome<long>.Done(policy.Version);
    }
}

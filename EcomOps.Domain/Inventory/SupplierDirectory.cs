using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

/// <summary>A supplier as listed: with its open orders and its on-time rate (receipts by the expected date ÷ all receipts).</summary>
public sealed record SupplierRow(int Id, string Code, string Name, string? ContactName, string? Phone, string? Email, int LeadTimeDays,
    int MinOrderQuantity, bool Active, int Receipts, int OnTimeReceipts, int OpenOrders, long Version)
{
    public double? OnTimeRate => Receipts == 0 ? null : (double)OnTimeReceipts / Receipts;
}

public sealed class SupplierForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int LeadTimeDays { get; set; } = 7;
    public int MinOrderQuantity { get; set; } = 1;
    public bool Active { get; set; } = true;
}

public sealed class SupplierDirectory(IDbContextFactory<OpsDb> dbFactory)
{
    public const string CodeTaken = "SupplierCodeTaken";
    public const string LeadTimeOutOfRange = "LeadTimeOutOfRange";
    public const int LongestLeadTimeDays = 365;

    public async Task<IReadOnlyList<SupplierRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipts = await db.Set<PurchaseReceipt>().GroupBy(r => r.SupplierId)
            .Select(g => new { g.Key, All = g.Count(), OnTime = g.Count(r => r.OnTime) }).ToDictionaryAsync(g => g.Key, ct);
        var open = await db.Set<PurchaseOrder>().Where(p => PurchaseOrder.OnOrderStatuses.Contains(p.Status)).GroupBy(p => p.SupplierId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var suppliers = await db.Set<Supplier>().AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return [.. suppliers.Select(s => new SupplierRow(s.Id, s.Code, s.Name, s.ContactName, s.Phone, s.Email, s.LeadTimeDays, s.MinOrderQuantity, s.Active,
            receipts.TryGetValue(s.Id, out var r) ? r.All : 0, r?.OnTime ?? 0, open.GetValueOrDefault(s.Id), s.Version))];
    }

    /// <summary>Creates (id null) or updates a supplier. Returns its id.</summary>
    public async Task<Outcome<int>> SaveAsync(Actor actor, int? id, long version, SupplierForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageInventory))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        Required(errors, nameof(form.Code), form.Code, 20);
        Required(errors, nameof(form.Name), form.Name, Supplier.MaxNameLength);
        Optional(errors, nameof(form.ContactName), form.ContactName, Supplier.MaxContactLength);
        Optional(errors, nameof(form.Phone), form.Phone, 40);
        Optional(errors, nameof(form.Email), form.Email, 256);
        if (form.LeadTimeDays is < 0 or > LongestLeadTimeDays)
        {
            errors.Add(new FieldError(nameof(form.LeadTimeDays), LeadTimeOutOfRange));
        }
        if (form.MinOrderQuantity < 1)
        {
            errors.Add(new FieldError(nameof(form.MinOrderQuantity), StockErrors.QuantityNotPositive));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var code = form.Code.Trim().ToUpperInvariant();
        if (errors.Count == 0 && await db.Set<Supplier>().AnyAsync(s => s.Code == code && s.Id != (id ?? 0), ct))
        {
            errors.Add(new FieldError(nameof(form.Code), CodeTaken));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Supplier supplier;
        if (id is { } existing)
        {
            var found = await db.Set<Supplier>().FirstOrDefaultAsync(s => s.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            supplier = found;
        }
        else
        {
            supplier = new Supplier { Code = code, Name = form.Name.Trim() };
            db.Add(supplier);
        }
        supplier.Code = code;
        supplier.Name = form.Name.Trim();
        supplier.ContactName = Blank(form.ContactName);
        supplier.Phone = Blank(form.Phone);
        supplier.Email = Blank(form.Email);
        supplier.LeadTimeDays = form.LeadTimeDays;
        supplier.MinOrderQuantity = form.MinOrderQuantity;
        supplier.Active = form.Active;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict();
        }
        return Outcome<int>.Done(supplier.Id);
    }

    private static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, StockErrors.Required));
        }
        else
        {
            Optional(errors, field, value, max);
        }
    }

    private static void Optional(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, StockErrors.TooLong));
        }
        else
        {
            TextRules.Check(errors, field, value);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

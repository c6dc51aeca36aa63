using EcomOps.Domain.Inventory;

namespace EcomOps.Console.Features.Inventory;

/// <summary>
/// Every 15 minutes: evaluates every SKU's alerts and reorder suggestion (slow-moving stock ages without any movement,
/// and snoozes end), the same evaluation the ledger runs after each movement. Running it twice changes nothing more.
/// </summary>
public sealed class InventorySweepJob(InventoryWatch watch, ILogger<InventorySweepJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var evaluated = await watch.EvaluateAllAsync(ct);
        logger.LogInformation("Inventory sweep evaluated {Count} SKU-warehouse pairs", evaluated);
        return evaluated;
    }
}

/// <summary>Nightly: recomputes each SKU's demand and computed reorder point, then evaluates alerts and suggestions on them.</summary>
public sealed class ReorderPointJob(InventoryWatch watch, ILogger<ReorderPointJob> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var changed = await watch.RecomputeReorderPointsAsync(ct);
        await watch.EvaluateAllAsync(ct);
        logger.LogInformation("Reorder points recomputed; {Count} changed", changed);
        return changed;
    }
}

using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// Every 15 minutes: recomputes the stored completeness of every listing that is not retired, when stock moved since
/// the last run. "Stock available" is one of the required fields, and stock moves all day (orders reserve it, receipts
/// bring it); the listings page filters and sorts on the stored figure, while the editor and the approval compute it
/// live, and saving a product or a listing recomputes its own listings at once. Running it twice changes nothing more.
/// </summary>
public sealed class ListingCompletenessJob(IDbContextFactory<OpsDb> dbFactory, LiveFeed feed, ListingCompletenessJob.Seen seen,
    ILogger<ListingCompletenessJob> logger)
{
    /// <summary>The inventory board's version the last run read (one per console process; a restart reads once more).</summary>
    public sealed class Seen
    {
        internal long InventoryVersion = -1;
    }

    /// <summary>Recomputes, or skips when no stock moved since the last run; says which.</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        // Read before the work: a movement during the run bumps the version, so the next run reads again.
        var version = feed.VersionOf(Boards.Inventory);
        if (version == Interlocked.Read(ref seen.InventoryVersion))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ListingFactsReader.RefreshAsync(db, null, ct);
        Interlocked.Exchange(ref seen.InventoryVersion, version);
        logger.LogInformation("Listing completeness recomputed");
        return true;
    }
}

using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Console.Features.Catalog;

/// <summary>
/// Every 15 minutes: recomputes the stored completeness of every listing that is not retired. Stock moves all day
/// (orders reserve it, receipts bring it), and "stock available" is one of the required fields: the listings page
/// filters and sorts on the stored figure, while the editor and the approval compute it live. Running it twice changes
/// nothing more.
/// </summary>
public sealed class ListingCompletenessJob(IDbContextFactory<OpsDb> dbFactory, ILogger<ListingCompletenessJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ListingFactsReader.RefreshAsync(db, null, ct);
        logger.LogInformation("Listing completeness recomputed");
    }
}

using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>Sales channels and their API keys. A key is shown once, when issued; only its hash is kept.</summary>
public sealed class ChannelDesk(IDbContextFactory<OpsDb> dbFactory)
{
    /// <summary>Issues a new key for the channel (the old one stops working at once) and returns it in plain text.</summary>
    public async Task<Outcome<string>> IssueKeyAsync(Actor actor, int channelId, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.WorkOrders))
        {
            return Outcome<string>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var channel = await db.SalesChannels.FirstOrDefaultAsync(c => c.Id == channelId, ct);
        if (channel is null)
        {
            return Outcome<string>.NotFound();
        }
        var key = ChannelApiKey.NewKey();
        channel.ApiKeyHash = ChannelApiKey.Hash(key);
        channel.ApiKeyHint = ChannelApiKey.Hint(key);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Done(key);
    }

    /// <summary>The active channel whose key this is, or null (wrong, revoked or missing key).</summary>
    public async Task<SalesChannel?> FindByKeyAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }
        var hash = ChannelApiKey.Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SalesChannels.AsNoTracking().FirstOrDefaultAsync(c => c.ApiKeyHash == hash && c.Active, ct);
    }
}

using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Design;

/// <summary>
/// The platforms' published sizes and formats, the starting point of each platform's specification until the design
/// supervisor edits it. Kept short: what a designer checks before exporting.
/// </summary>
public static class DesignSpecDefaults
{
    public static string For(SalesPlatform platform, DesignKind kind) => (platform, kind) switch
    {
        (SalesPlatform.Tmall or SalesPlatform.Taobao, DesignKind.MainImages) => "主图 800×800 px 正方形，JPG/PNG ≤3 MB，5 张，首图白底 · Main images 800×800 px square, JPG/PNG ≤3 MB, 5 images, first on white",
        (SalesPlatform.Tmall or SalesPlatform.Taobao, DesignKind.DetailPage) => "详情页宽 790 px，切片高 ≤1500 px，JPG ≤3 MB/片 · Detail page 790 px wide, slices ≤1500 px high, JPG ≤3 MB each",
        (SalesPlatform.JD, DesignKind.MainImages) => "主图 800×800 px，白底，JPG ≤1 MB · Main images 800×800 px on white, JPG ≤1 MB",
        (SalesPlatform.JD, DesignKind.DetailPage) => "详情页宽 750 px，JPG ≤1 MB/片 · Detail page 750 px wide, JPG ≤1 MB a slice",
        (SalesPlatform.Douyin, DesignKind.MainImages) => "主图 600×600 px 以上，1:1，JPG/PNG ≤5 MB · Main images 1:1, at least 600×600 px, JPG/PNG ≤5 MB",
        (SalesPlatform.Douyin, DesignKind.DetailPage) => "详情页宽 750 px，PNG/JPG · Detail page 750 px wide, PNG/JPG",
        (SalesPlatform.Pinduoduo, DesignKind.MainImages) => "主图 750×750 px，JPG ≤1 MB，10 张以内 · Main images 750×750 px, JPG ≤1 MB, up to 10",
        (SalesPlatform.Pinduoduo, DesignKind.DetailPage) => "详情页宽 750 px，JPG ≤1 MB/片 · Detail page 750 px wide, JPG ≤1 MB a slice",
        (_, DesignKind.ShopHomeElement) => "店铺首页宽 1920 px（无线端 750 px），JPG/PNG · Shop home 1920 px wide (mobile 750 px), JPG/PNG",
        (_, DesignKind.CampaignPoster) => "海报 1920×600 px（无线端 750×1000 px），JPG/PNG · Poster 1920×600 px (mobile 750×1000 px), JPG/PNG",
        (_, DesignKind.MainImages) => "主图 800×800 px 正方形，JPG/PNG · Main images 800×800 px square, JPG/PNG",
        (_, DesignKind.DetailPage) => "详情页宽 750 px，JPG/PNG · Detail page 750 px wide, JPG/PNG",
        _ => "按需求说明 · As the brief says",
    };
}

public sealed record DesignSpecRow(SalesPlatform Platform, DesignKind Kind, string Text, long Version);

/// <summary>Each platform's specification per kind of design: the stored one, else the platform's default.</summary>
public sealed class DesignSpecBook(IDbContextFactory<OpsDb> dbFactory)
{
    public async Task<IReadOnlyList<DesignSpecRow>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<DesignSpec>().AsNoTracking().ToDictionaryAsync(s => (s.Platform, s.Kind), ct);
        return [.. from platform in Enum.GetValues<SalesPlatform>()
                   from kind in Enum.GetValues<DesignKind>()
                   let row = stored.GetValueOrDefault((platform, kind))
                   select new DesignSpecRow(platform, kind, row?.Text ?? DesignSpecDefaults.For(platform, kind), row?.Version ?? 0)];
    }

    /// <summary>The specification a new request for <paramref name="channelId"/> starts from.</summary>
    public async Task<string> ForChannelAsync(int? channelId, DesignKind kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var platform = channelId is { } id ? await db.SalesChannels.AsNoTracking().Where(c => c.Id == id).Select(c => (SalesPlatform?)c.Platform).FirstOrDefaultAsync(ct) : null;
        var resolved = platform ?? SalesPlatform.Other;
        return await db.Set<DesignSpec>().AsNoTracking().Where(s => s.Platform == resolved && s.Kind == kind).Select(s => s.Text).FirstOrDefaultAsync(ct)
            ?? DesignSpecDefaults.For(resolved, kind);
    }

    /// <summary>Edits one platform's specification (the design supervisor); version 0 for one never edited.</summary>
    public Task<Outcome<long>> SaveAsync(Actor actor, SalesPlatform platform, DesignKind kind, long version, string? text, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.SuperviseDesign))
            {
                return Outcome<long>.Invalid([Actor.NotPermitted]);
            }
            var errors = new List<FieldError>();
            Catalog.CatalogRules.Required(errors, "Text", text, DesignSpec.MaxTextLength);
            if (errors.Count > 0)
            {
                return Outcome<long>.Invalid(errors);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var row = await db.Set<DesignSpec>().FirstOrDefaultAsync(s => s.Platform == platform && s.Kind == kind, ct);
            if (row is null)
            {
                if (version != 0)
                {
                    return Outcome<long>.Conflict();
                }
                row = new DesignSpec { Platform = platform, Kind = kind, Text = "", Version = 1 };
                db.Add(row);
            }
            else if (row.Version != version)
            {
                return Outcome<long>.Conflict();
            }
            row.Text = text!.Trim();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Outcome<long>.Conflict();
            }
            return Outcome<long>.Done(row.Version);
        }, ct);
}

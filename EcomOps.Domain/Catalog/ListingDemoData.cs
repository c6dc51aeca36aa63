using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// Listings of most products on the demo channels: mostly live, some drafts, some in review, a few paused. Some
/// products lack a field or two (material, instructions, after-sales terms) and some listings lack the description
/// their channel asks for, so completeness ranges from about 60% to 100%; only complete listings are live. Most products
/// have one to three main images (a few still wait for their photos; a few have photos too small for JD and Tmall).
/// </summary>
public sealed class ListingDemoData(TimeProvider clock) : IDemoDataArea
{
    // Last, and with its own random numbers: the areas before and after keep drawing exactly what they drew before.
    public int Order => 70;

    public string Name => "listings";

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, new DemoRun(size, random, false), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        var random = new Random(DemoDataGenerator.Seed + 13);
        var channels = await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).ToListAsync(ct);
        var products = await db.Products.Where(p => p.Active).OrderBy(p => p.Id).ToListAsync(ct);
        if (channels.Count == 0 || products.Count == 0)
        {
            return;
        }
        var staff = await db.Employees.AsNoTracking().Where(e => e.Active && e.Team == Team.Operations).ToListAsync(ct);
        var editors = staff.Where(e => e.Role == Roles.OperationsSpecialist).ToList();
        var approvers = staff.Where(e => e.Role is Roles.OperationsManager or Roles.OperationsDirector).ToList();
        db.ChannelListingRules.AddRange(channels.Select(c => new ChannelListingRule { ChannelId = c.Id, ExtraFields = ListingFields.Format(ListingFields.DefaultExtras(c.Platform)) }));

        foreach (var product in products)
        {
            // About one product in six was entered in a hurry: a field or two the rulebook wants is still empty.
            if (random.Next(6) == 0)
            {
                switch (random.Next(4))
                {
                    case 0: product.Material = null; break;
                    case 1: product.Instructions = null; product.AfterSales = null; break;
                    case 2: product.SellingPoints = null; break;
                    default: product.Material = null; product.Instructions = null; product.AfterSales = null; break;
                }
                db.Entry(product).State = EntityState.Modified;
            }
        }
        await db.SaveChangesAsync(ct);
        await AddImagesAsync(db, products, random, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var listings = new List<Listing>();
        foreach (var product in products)
        {
            foreach (var channel in channels)
            {
                if (random.Next(100) >= 82)
                {
                    continue;
                }
                var edited = now.AddHours(-random.Next(2, 24 * 90));
                var editor = editors.Count > 0 ? editors[random.Next(editors.Count)] : null;
                var listing = new Listing
                {
                    ProductId = product.Id, ChannelId = channel.Id, Title = product.Name, State = ListingState.Draft, StateChangedAtUtc = edited,
                    LastEditorEmployeeId = editor?.Id, LastEditorUserId = editor?.UserId, LastEditorName = editor?.FullName, LastEditedAtUtc = edited,
                    // Most listings carry the detail description the channel shows; some are still waiting for it.
                    Description = random.Next(10) < 8 ? $"{product.Name.Split(" · ")[0]}：{product.SellingPoints ?? product.Material ?? product.Name}" : null,
                };
                listings.Add(listing);
            }
        }
        foreach (var chunk in listings.Chunk(2_000))
        {
            foreach (var (listing, completeness) in await ListingFactsReader.CompletenessAsync(db, chunk, ct))
            {
                ListingFactsReader.Apply(listing, completeness);
                var roll = random.Next(100);
                listing.State = completeness.IsComplete
                    ? roll < 80 ? ListingState.Live : roll < 87 ? ListingState.Paused : roll < 93 ? ListingState.InReview : ListingState.Draft
                    : roll < 70 ? ListingState.Draft : ListingState.InReview;
                if (listing.State is ListingState.Live or ListingState.Paused && approvers.Count > 0)
                {
                    var approver = approvers[random.Next(approvers.Count)];
                    listing.ApprovedByEmployeeId = approver.Id;
                    listing.ApprovedByUserId = approver.UserId;
                    listing.ApprovedByName = approver.FullName;
                    listing.ApprovedAtUtc = listing.LastEditedAtUtc.AddHours(random.Next(1, 48));
                    listing.StateChangedAtUtc = listing.State == ListingState.Paused ? listing.ApprovedAtUtc.Value.AddDays(random.Next(1, 20)) : listing.ApprovedAtUtc.Value;
                    if (listing.StateChangedAtUtc > now)
                    {
                        listing.StateChangedAtUtc = now;
                    }
                }
            }
            db.Listings.AddRange(chunk);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Twelve looks at 800 px and two at 640 px, drawn once; each product shows one to three of them.</summary>
    private async Task AddImagesAsync(OpsDb db, IReadOnlyList<Product> products, Random random, CancellationToken ct)
    {
        var blobs = Enumerable.Range(0, 12).Select(look => (Look: look, Side: 800)).Concat([(Look: 12, Side: 640), (Look: 13, Side: 640)])
            .Select(x =>
            {
                var bytes = DemoImages.Render(x.Look, x.Side);
                return new ImageBlob
                {
                    Hash = ImageRules.HashOf(bytes), ContentType = "image/jpeg", Content = bytes, Thumbnail = ImageRules.Thumbnail(bytes)!, Width = x.Side, Height = x.Side,
                };
            }).ToList();
        db.ImageBlobs.AddRange(blobs);
        var uploaded = clock.GetUtcNow().UtcDateTime.AddDays(-120);
        foreach (var product in products)
        {
            var roll = random.Next(100);
            // One product in twelve still waits for its photos; one in twenty-five has only small ones.
            var count = roll < 8 ? 0 : 1 + random.Next(3);
            for (var position = 0; position < count; position++)
            {
                var blob = roll < 12 ? blobs[12 + position % 2] : blobs[(product.Id + position * 5) % 12];
                db.ProductImages.Add(new ProductImage
                {
                    ProductId = product.Id, Position = position, BlobHash = blob.Hash, FileName = $"{product.Id}-{position + 1}.jpg",
                    Width = blob.Width, Height = blob.Height, UploadedAtUtc = uploaded.AddMinutes(product.Id), UploadedByName = "demo-data",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

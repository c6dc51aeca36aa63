using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Design;

/// <summary>
/// About 300 design requests over the last 90 days in every state: older ones mostly delivered (with versions, reviews,
/// rework rounds and ratings), recent ones spread over the board, a few overdue and due today. Each designer has a
/// character — careful or quick, punctual or late — so their KPI rows differ believably. The pictures are a handful of
/// small drawings stored once; the sales before and after come from the demo orders.
/// </summary>
public sealed class DesignDemoData(CompanyTime time) : IDemoDataArea
{
    // After the listings and store pages it designs for.
    public int Order => 80;

    public string Name => "design";

    public Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct) => SeedAsync(db, new DemoRun(size, random, false), ct);

    public async Task SeedAsync(OpsDb db, DemoRun run, CancellationToken ct)
    {
        var random = new Random(DemoDataGenerator.Seed + 23);
        var designers = await db.Employees.AsNoTracking().Where(e => e.Active && (e.Role == Roles.Designer || e.Role == Roles.DesignSupervisor))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var requesters = await db.Employees.AsNoTracking().Where(e => e.Active && (e.Role == Roles.OperationsSpecialist || e.Role == Roles.OperationsManager))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var supervisor = designers.FirstOrDefault(d => d.Role == Roles.DesignSupervisor);
        var listings = await db.Listings.AsNoTracking().Where(l => l.State == ListingState.Live).OrderBy(l => l.Id).Select(l => new { l.Id, l.ChannelId, l.Title }).Take(400).ToListAsync(ct);
        var channels = await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var workers = designers.Where(d => d.Role == Roles.Designer).ToList();
        if (workers.Count == 0 || requesters.Count == 0 || supervisor is null || channels.Count == 0)
        {
            return;
        }
        var count = run.Size == DemoSize.Minimal ? 40 : 300;
        // Each designer's character: average quality, how often they are late, how often they need another round.
        var character = workers.ToDictionary(w => w.Id, _ => (Quality: 3.0 + random.NextDouble() * 1.7, Late: 0.05 + random.NextDouble() * 0.35, Rework: random.NextDouble() * 0.6));
        var pictures = Enumerable.Range(0, 10).Select(look =>
        {
            var bytes = DemoImages.Render(20 + look, 320);
            var (image, _) = ImageRules.Inspect(bytes);
            return (Blob: new ImageBlob { Hash = ImageRules.HashOf(bytes), ContentType = image!.ContentType, Content = bytes, Thumbnail = ImageRules.Thumbnail(bytes)!, Width = 320, Height = 320 },
                Bytes: (long)bytes.Length);
        }).ToList();
        var stored = await db.ImageBlobs.Select(b => b.Hash).ToListAsync(ct);
        db.ImageBlobs.AddRange(pictures.Select(p => p.Blob).Where(b => !stored.Contains(b.Hash)));
        await db.SaveChangesAsync(ct);

        var today = time.Today;
        var now = time.UtcNow;
        // Recent work is planned from its creation; nothing of it may have happened later than now.
        DateTime Past(DateTime at) => at > now ? now.AddMinutes(-random.Next(5, 240)) : at;
        var kinds = new[] { DesignKind.DetailPage, DesignKind.DetailPage, DesignKind.DetailPage, DesignKind.MainImages, DesignKind.MainImages, DesignKind.ShopHomeElement, DesignKind.CampaignPoster, DesignKind.CampaignPoster, DesignKind.Other };
        string[] campaigns = ["双12 · Double 12", "年货节 · New Year shopping festival", "会员日 · Members' day", "春季上新 · Spring launch"];
        var plans = new List<(DesignRequest Request, List<(DesignVersion Version, int File, DesignReview? Review)> Rounds, List<int> References)>();
        for (var i = 0; i < count; i++)
        {
            var age = random.Next(0, 90);
            var created = today.AddDays(-age);
            var kind = kinds[random.Next(kinds.Length)];
            var listing = DesignRules.IsForListing(kind) && listings.Count > 0 ? listings[random.Next(listings.Count)] : null;
            if (DesignRules.IsForListing(kind) && listing is null)
            {
                kind = DesignKind.Other;
            }
            var requester = requesters[random.Next(requesters.Count)];
            var designer = workers[random.Next(workers.Count)];
            var (quality, late, rework) = character[designer.Id];
            var due = created.AddDays(3 + random.Next(10));
            var createdUtc = time.ToUtc(created.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60))));
            var state = StateFor(age, random);
            // Most open work is still within its date; a few cards run late, as on any real board.
            if (DesignRules.IsOpen(state) && state != DesignState.Approved && due < today && random.Next(100) < 80)
            {
                due = today.AddDays(random.Next(0, 10));
            }
            var element = kind == DesignKind.ShopHomeElement ? (StoreElement?)Enum.GetValues<StoreElement>()[random.Next(5)] : null;
            var title = kind switch
            {
                DesignKind.DetailPage => $"详情页 · Detail page: {listing!.Title}",
                DesignKind.MainImages => $"主图 · Main images: {listing!.Title}",
                DesignKind.ShopHomeElement => $"店铺首页 · Shop home: {element}",
                DesignKind.CampaignPoster => $"活动海报 · Poster: {campaigns[random.Next(campaigns.Length)]}",
                _ => "包装插画 · Packaging illustration",
            };
            var request = new DesignRequest
            {
                Kind = kind, State = state, Priority = (DesignPriority)Math.Min(3, random.Next(5) / 2 + (random.Next(6) == 0 ? 1 : 0)),
                Title = title.Length > DesignRequest.MaxTitleLength ? title[..DesignRequest.MaxTitleLength] : title,
                Brief = "突出卖点与材质，统一品牌色，移动端优先。 · Lead with the selling points and the material, brand colours, mobile first.",
                Specifications = DesignSpecDefaults.For(Orders.SalesPlatform.Tmall, kind), DueDate = due, ListingId = listing?.Id,
                ChannelId = listing?.ChannelId ?? (kind == DesignKind.ShopHomeElement ? channels[random.Next(channels.Count)] : null), StoreElement = element,
                Campaign = kind == DesignKind.CampaignPoster ? title.Split(": ")[^1] : null,
                RequesterEmployeeId = requester.Id, RequesterUserId = requester.UserId, RequesterName = requester.FullName,
                CreatedAtUtc = createdUtc, StateChangedAtUtc = createdUtc, Version = 1,
            };
            var rounds = new List<(DesignVersion, int, DesignReview?)>();
            if (state is not (DesignState.Requested or DesignState.Returned) && !(state == DesignState.Cancelled && random.Next(2) == 0))
            {
                (request.AssigneeEmployeeId, request.AssigneeUserId, request.AssigneeName) = (designer.Id, designer.UserId, designer.FullName);
            }
            if (state == DesignState.Returned)
            {
                request.LastNote = "请补充尺寸和参考图。 · Please add the sizes and a reference.";
            }
            var submitted = state is DesignState.InReview or DesignState.ChangesRequested or DesignState.Approved or DesignState.Delivered;
            if (submitted && request.AssigneeEmployeeId is not null)
            {
                var extra = 0;
                while (extra < 3 && random.NextDouble() < rework)
                {
                    extra++;
                }
                if (state == DesignState.ChangesRequested)
                {
                    extra = Math.Max(1, extra);
                }
                var versions = state is DesignState.InReview ? extra + 1 : state == DesignState.ChangesRequested ? extra : extra + 1;
                var at = createdUtc.AddHours(20 + random.Next(30));
                for (var n = 1; n <= versions; n++)
                {
                    var version = new DesignVersion
                    {
                        Number = n, SubmittedByUserId = designer.UserId, SubmittedByEmployeeId = designer.Id, SubmittedByName = designer.FullName, SubmittedAtUtc = Past(at),
                        Note = n > 1 ? "按意见修改。 · Changed as asked." : null,
                    };
                    var reviewed = n < versions || state is DesignState.ChangesRequested or DesignState.Approved or DesignState.Delivered;
                    var approved = n == versions && state is DesignState.Approved or DesignState.Delivered;
                    DesignReview? review = null;
                    if (reviewed)
                    {
                        int Score() => Math.Clamp((int)Math.Round(quality + (random.NextDouble() - 0.5) * 1.6 + (approved ? 0.3 : -0.5)), 1, 5);
                        review = new DesignReview
                        {
                            BrandFit = Score(), VisualEffect = Score(), Creativity = Score(), Approved = approved, ReviewerUserId = supervisor.UserId, ReviewerName = supervisor.FullName,
                            DesignerEmployeeId = designer.Id, ReviewedAtUtc = Past(at.AddHours(2 + random.Next(20))),
                            Comment = approved ? "符合品牌调性，通过。 · On brand, approved." : "主体再大一些，文字减少。 · Make the product larger, less text.",
                        };
                        at = review.ReviewedAtUtc.AddHours(4 + random.Next(30));
                    }
                    rounds.Add((version, random.Next(pictures.Count), review));
                }
                request.ReworkRounds = rounds.Count(r => r.Item3 is { Approved: false });
                request.LastNote = rounds.LastOrDefault().Item3?.Comment;
                if (state == DesignState.Delivered)
                {
                    var slip = random.NextDouble() < late ? 1 + random.Next(4) : -random.Next(3);
                    var deliveredOn = due.AddDays(slip);
                    var earliest = DateOnly.FromDateTime(time.ToLocal(at));
                    deliveredOn = deliveredOn < earliest ? earliest : deliveredOn;
                    deliveredOn = deliveredOn > today ? today : deliveredOn;
                    request.DeliveredOn = deliveredOn;
                    request.DeliveredAtUtc = Past(time.ToUtc(deliveredOn.ToDateTime(new TimeOnly(17, 30))));
                    request.DeliveredByName = requester.FullName;
                    request.CooperationScore = Math.Clamp(3 + random.Next(3) - (slip > 0 ? 1 : 0), 1, 5);
                    request.CooperationComment = request.CooperationScore >= 4 ? "沟通顺畅。 · Easy to work with." : "交付偏晚。 · Came in late.";
                }
            }
            request.StateChangedAtUtc = request.DeliveredAtUtc ?? (rounds.Count > 0 ? rounds[^1].Item1.SubmittedAtUtc : createdUtc.AddHours(random.Next(1, 30)));
            request.StateChangedAtUtc = Past(request.StateChangedAtUtc);
            var references = random.Next(3) == 0 ? new List<int> { random.Next(pictures.Count) } : [];
            plans.Add((request, rounds, references));
        }
        db.AddRange(plans.Select(p => p.Request));
        await db.SaveChangesAsync(ct);
        foreach (var (request, rounds, _) in plans)
        {
            foreach (var (version, _, _) in rounds)
            {
                version.RequestId = request.Id;
                db.Add(version);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (request, rounds, references) in plans)
        {
            foreach (var (version, file, review) in rounds)
            {
                var picture = pictures[file];
                db.Add(new DesignFile
                {
                    RequestId = request.Id, VersionId = version.Id, BlobHash = picture.Blob.Hash, FileName = $"{request.Number}-v{version.Number}.jpg",
                    Width = 320, Height = 320, Bytes = picture.Bytes, UploadedAtUtc = version.SubmittedAtUtc,
                });
                if (review is not null)
                {
                    review.RequestId = request.Id;
                    review.VersionId = version.Id;
                    db.Add(review);
                }
            }
            foreach (var reference in references)
            {
                db.Add(new DesignFile
                {
                    RequestId = request.Id, BlobHash = pictures[reference].Blob.Hash, FileName = "参考 reference.jpg", Width = 320, Height = 320,
                    Bytes = pictures[reference].Bytes, UploadedAtUtc = request.CreatedAtUtc,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Old requests are mostly done; the last fortnight's are spread over the board.</summary>
    private static DesignState StateFor(int age, Random random)
    {
        var roll = random.Next(100);
        if (age > 20)
        {
            return roll switch { < 84 => DesignState.Delivered, < 91 => DesignState.Cancelled, < 95 => DesignState.Approved, < 98 => DesignState.ChangesRequested, _ => DesignState.Returned };
        }
        return roll switch
        {
            < 12 => DesignState.Requested,
            < 22 => DesignState.Accepted,
            < 40 => DesignState.InProgress,
            < 54 => DesignState.InReview,
            < 64 => DesignState.ChangesRequested,
            < 72 => DesignState.Approved,
            < 90 => DesignState.Delivered,
            < 95 => DesignState.Cancelled,
            _ => DesignState.Returned,
        };
    }
}

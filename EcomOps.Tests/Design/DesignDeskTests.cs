using System.Text;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Tests.Catalog;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Design;

/// <summary>The design board's rules on real SQLite: who moves what, uploads, rework, delivery onto the listing, and the KPIs.</summary>
[Trait("Engines", "Both")]
public sealed class DesignDeskTests : IAsyncLifetime
{
    private DesignWorld _world = default!;

    private DesignDesk Desk => _world.Desk;

    public async Task InitializeAsync() => _world = await DesignWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static IEnumerable<string> Codes<T>(Outcome<T> outcome) => outcome.Errors.Select(e => e.Code);

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = _world.Listings.Catalog.Harness.NewDb();
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task A_due_date_in_the_past_an_empty_brief_or_a_detail_page_without_a_listing_is_refused_and_nothing_is_saved()
    {
        var form = _world.DetailPageForm(DesignWorld.Today.AddDays(-1));
        form.Brief = "  ";
        form.ListingId = null;

        var outcome = await Desk.RequestAsync(_world.Specialist, form);

        Assert.Equal([DesignErrors.BriefRequired, DesignErrors.DueInPast, DesignErrors.ListingNeeded], Codes(outcome).Order());
        Assert.Equal(0, await CountAsync<DesignRequest>());
        Assert.Equal([Actor.NotPermitted.Code], Codes(await Desk.RequestAsync(_world.Designer, _world.DetailPageForm())));
    }

    [Fact]
    public async Task Only_the_assignee_submits_a_version()
    {
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, _world.DetailPageForm()));
        CatalogWorld.Done(await Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.DesignerId));
        var version = await _world.VersionOf(id);

        Assert.Equal([DesignErrors.NotAssignee], Codes(await Desk.SubmitAsync(_world.OtherDesigner, id, version, [DesignWorld.Picture()], null)));
        Assert.Equal([Actor.NotPermitted.Code], Codes(await Desk.SubmitAsync(_world.Specialist, id, version, [DesignWorld.Picture()], null)));
        Assert.Equal([Actor.NotPermitted.Code], Codes(await Desk.AssignAsync(_world.Designer, id, version, _world.DesignerId)));

        CatalogWorld.Done(await Desk.SubmitAsync(_world.Designer, id, version, [DesignWorld.Picture()], null));
        Assert.Equal(DesignState.InReview, (await _world.DetailAsync(id)).Request.State);
    }

    [Fact]
    public async Task Only_the_supervisor_reviews_and_nobody_approves_their_own_work()
    {
        var id = await _world.InReviewAsync();
        Assert.Equal([Actor.NotPermitted.Code], Codes(await Desk.ReviewAsync(_world.Designer, id, await _world.VersionOf(id), DesignWorld.Review(approve: true))));

        // The supervisor takes the work over and submits a version of their own: they may not approve it.
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: false)));
        CatalogWorld.Done(await Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.SupervisorId));
        CatalogWorld.Done(await Desk.SubmitAsync(_world.Supervisor, id, await _world.VersionOf(id), [DesignWorld.Picture(3)], "主管自己改"));

        var own = await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true));

        Assert.Equal([DesignErrors.OwnWork], Codes(own));
        Assert.Equal(DesignState.InReview, (await _world.DetailAsync(id)).Request.State);
        Assert.DoesNotContain(DesignMove.Review, DesignRules.MovesFor(_world.Supervisor, DesignState.InReview, null, _world.Supervisor.UserId, _world.Supervisor.UserId));
    }

    [Fact]
    public async Task Two_people_moving_the_same_card_at_once_one_wins_and_the_other_is_told()
    {
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, _world.DetailPageForm()));
        var seen = await _world.VersionOf(id);

        var results = await Task.WhenAll(Desk.AcceptAsync(_world.Supervisor, id, seen), Desk.CancelAsync(_world.Specialist, id, seen));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Kind == OutcomeKind.Conflict);
    }

    [Fact]
    public async Task A_file_that_is_not_a_picture_or_only_claims_to_be_one_is_refused_and_no_version_is_saved()
    {
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, _world.DetailPageForm()));
        CatalogWorld.Done(await Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.DesignerId));
        var fake = Encoding.UTF8.GetBytes("<svg onload=alert(1)>");

        var outcome = await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [DesignWorld.Picture(), new DesignUpload("poster.jpg", fake.Length, new MemoryStream(fake))], null);

        Assert.Equal([ImageRules.NotAnImage], Codes(outcome));
        Assert.Equal((0, 0), (await CountAsync<DesignVersion>(), await CountAsync<DesignFile>()));
        Assert.Equal(DesignState.Accepted, (await _world.DetailAsync(id)).Request.State);
    }

    [Fact]
    public async Task A_200_MB_upload_is_refused_from_its_length_without_reading_it_and_a_stream_longer_than_it_claims_is_cut_off()
    {
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, _world.DetailPageForm()));
        CatalogWorld.Done(await Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.DesignerId));
        var huge = new UnreadableStream();

        var declared = await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [new DesignUpload("huge.jpg", 200L * 1024 * 1024, huge)], null);
        var lying = await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [new DesignUpload("small.jpg", 10, new MemoryStream(new byte[ImageRules.MaxBytes + 1]))], null);

        Assert.Equal([ImageRules.TooLarge], Codes(declared));
        Assert.False(huge.WasRead);
        Assert.Equal([ImageRules.TooLarge], Codes(lying));
        Assert.Equal(0, await CountAsync<DesignVersion>());
    }

    [Fact]
    public async Task Changes_requested_is_a_rework_round_and_every_version_is_kept_with_its_review()
    {
        var id = await _world.InReviewAsync();

        Assert.Equal([DesignErrors.NoteRequired], Codes(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), new DesignReviewForm { BrandFit = 3, VisualEffect = 3, Creativity = 3 })));
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: false, score: 2)));
        CatalogWorld.Done(await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [DesignWorld.Picture(4)], "第二版"));
        Assert.Equal([DesignErrors.ScoreRange], Codes(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true, score: 6))).Distinct());
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true, score: 5)));

        var detail = await _world.DetailAsync(id);
        Assert.Equal((DesignState.Approved, 1), (detail.Request.State, detail.Request.ReworkRounds));
        Assert.Equal([1, 2], detail.Versions.Select(v => v.Number));
        Assert.Equal([2, 1], detail.Versions.Select(v => v.Files.Count));
        Assert.Equal([false, true], detail.Versions.Select(v => v.Review!.Approved));
        Assert.All(detail.Versions.SelectMany(v => v.Files), f => Assert.Equal(200, f.Width));
    }

    [Fact]
    public async Task Delivered_main_images_become_the_listings_images_and_the_audit_trail_names_the_request()
    {
        var form = _world.DetailPageForm();
        form.Kind = DesignKind.MainImages;
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, form));
        CatalogWorld.Done(await Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.DesignerId));
        CatalogWorld.Done(await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [DesignWorld.Picture(5, "main-1.jpg"), DesignWorld.Picture(6, "main-2.jpg")], null));
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true)));

        Assert.Equal([DesignErrors.NotRequester], Codes(await Desk.DeliverAsync(_world.Listings.OtherManager with { Roles = [Domain.Org.Roles.OperationsSpecialist] }, id, await _world.VersionOf(id), 4, null)));
        Assert.Equal([DesignErrors.ScoreRange], Codes(await Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 0, null)));
        CatalogWorld.Done(await Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 5, "配合很好"));

        var images = await _world.Listings.Catalog.Harness.Get<ProductImageDesk>().ListAsync(_world.Listings.Tee);
        Assert.Equal(["main-1.jpg", "main-2.jpg"], images.Select(i => i.FileName));
        Assert.All(images, i => Assert.StartsWith(DesignRules.NumberOf(id), i.UploadedByName));
        var history = Assert.Single(await _world.Queries.ForListingAsync(_world.Listing));
        Assert.Equal((DesignState.Delivered, 2), (history.State, history.DeliveredFiles.Count));
        await using var db = _world.Listings.Catalog.Harness.NewDb();
        var delivered = await db.AuditEntries.Where(a => a.EntityType == nameof(DesignRequest) && a.EntityKey == id.ToString()).ToListAsync();
        Assert.Contains(delivered, a => a.Changes.Any(c => c.Field == nameof(DesignRequest.State) && c.New == nameof(DesignState.Delivered)));
        // The two new images in, the product's old one out, by the requester who took delivery.
        Assert.Equal([Domain.Audit.AuditAction.Created, Domain.Audit.AuditAction.Created, Domain.Audit.AuditAction.Deleted],
            (await db.AuditEntries.Where(a => a.EntityType == nameof(ProductImage) && a.ActorName == _world.Specialist.Name).Select(a => a.Action).ToListAsync()).Order());
    }

    private async Task<int> CampaignAsync(CampaignState state)
    {
        await using var db = _world.Listings.Catalog.Harness.NewDb();
        var start = DesignWorld.Today.AddDays(10).ToDateTime(TimeOnly.MinValue);
        var campaign = new Campaign
        {
            Name = "双12 满减", Type = CampaignType.SpendSave, State = state, StartsAtUtc = start, EndsAtUtc = start.AddDays(3),
            Tasks = [new CampaignTask { Kind = CampaignTaskKind.AdsBooked, Deadline = DesignWorld.Today.AddDays(7) }, new CampaignTask { Kind = CampaignTaskKind.PageAndPoster, Deadline = DesignWorld.Today.AddDays(3) }],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    private async Task<List<CampaignTask>> TasksAsync(int campaignId)
    {
        await using var db = _world.Listings.Catalog.Harness.NewDb();
        return (await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId)).Tasks;
    }

    private static DesignRequestForm PosterFor(int campaignId) => new()
    {
        Kind = DesignKind.CampaignPoster, Title = "活动海报 · 双12 满减", Brief = "满 100 减 20，红色主题", DueDate = DesignWorld.Today.AddDays(3), Campaign = "双12 满减", CampaignId = campaignId,
    };

    [Fact]
    public async Task A_poster_asked_from_a_campaign_carries_out_its_page_and_poster_task_and_its_delivery_marks_the_task_done()
    {
        var campaignId = await CampaignAsync(CampaignState.Approved);
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, PosterFor(campaignId)));

        var tasks = await TasksAsync(campaignId);
        Assert.Equal([null, id], tasks.Select(t => t.DesignRequestId));
        Assert.All(tasks, t => Assert.Null(t.DoneAtUtc));
        // A second request for the same campaign names it, but the task already has its request.
        var second = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, PosterFor(campaignId)));
        Assert.Equal([null, id], (await TasksAsync(campaignId)).Select(t => t.DesignRequestId));
        Assert.Equal(campaignId, (await _world.DetailAsync(second)).Request.CampaignId);

        CatalogWorld.Done(await Desk.AssignAsync(_world.Supervisor, id, await _world.VersionOf(id), _world.DesignerId));
        CatalogWorld.Done(await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [DesignWorld.Picture(7, "poster.jpg")], null));
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true)));
        Assert.Null((await TasksAsync(campaignId))[1].DoneAtUtc);
        CatalogWorld.Done(await Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 5, null));

        tasks = await TasksAsync(campaignId);
        Assert.NotNull(tasks[1].DoneAtUtc);
        Assert.StartsWith(DesignRules.NumberOf(id), tasks[1].DoneByName);
        Assert.Null(tasks[0].DoneAtUtc);
    }

    [Fact]
    public async Task A_cancelled_request_frees_the_task_for_a_new_one_and_a_poster_for_an_ended_campaign_is_refused()
    {
        var campaignId = await CampaignAsync(CampaignState.Approved);
        var first = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, PosterFor(campaignId)));
        CatalogWorld.Done(await Desk.CancelAsync(_world.Specialist, first, await _world.VersionOf(first)));
        var again = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, PosterFor(campaignId)));
        Assert.Equal(again, (await TasksAsync(campaignId))[1].DesignRequestId);

        var ended = await CampaignAsync(CampaignState.Ended);
        var before = await CountAsync<DesignRequest>();
        Assert.Equal([DesignErrors.CampaignClosed], Codes(await Desk.RequestAsync(_world.Specialist, PosterFor(ended))));
        Assert.Equal(before, await CountAsync<DesignRequest>());
    }

    [Fact]
    public async Task A_returned_request_goes_back_to_the_board_when_the_requester_improves_the_brief()
    {
        var id = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, _world.DetailPageForm()));
        Assert.Equal([DesignErrors.NoteRequired], Codes(await Desk.ReturnForBriefAsync(_world.Supervisor, id, await _world.VersionOf(id), "")));
        CatalogWorld.Done(await Desk.ReturnForBriefAsync(_world.Supervisor, id, await _world.VersionOf(id), "请补充尺寸"));
        var form = _world.DetailPageForm();
        form.Brief = "突出面料柔软，夏季主题；790 px 宽，5 屏";

        CatalogWorld.Done(await Desk.ResubmitAsync(_world.Specialist, id, await _world.VersionOf(id), form));

        var request = (await _world.DetailAsync(id)).Request;
        Assert.Equal((DesignState.Requested, form.Brief), (request.State, request.Brief));
    }

    [Fact]
    public async Task The_board_marks_due_today_and_overdue_cards_and_the_designers_load_counts_their_open_work()
    {
        var id = await _world.InReviewAsync();
        var form = _world.DetailPageForm(DesignWorld.Today);
        var today = CatalogWorld.Done(await Desk.RequestAsync(_world.Specialist, form));

        var board = await _world.Queries.BoardAsync();
        Assert.True(board.Cards.Single(c => c.Id == today).DueToday);
        Assert.False(board.Cards.Single(c => c.Id == id).Overdue);

        _world.Listings.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(6));
        board = await _world.Queries.BoardAsync();
        Assert.All(board.Cards, c => Assert.True(c.Overdue));
        var load = (await _world.Queries.DesignersAsync()).Single(d => d.EmployeeId == _world.DesignerId);
        Assert.Equal((1, 1), (load.Open, load.Overdue));
    }

    [Fact]
    public async Task The_design_kpis_count_a_delivered_request_with_its_rework_round_for_its_designer()
    {
        var id = await _world.InReviewAsync();
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: false, score: 3)));
        CatalogWorld.Done(await Desk.SubmitAsync(_world.Designer, id, await _world.VersionOf(id), [DesignWorld.Picture(4)], null));
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true, score: 5)));
        CatalogWorld.Done(await Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 4, null));
        var source = _world.Listings.Catalog.Harness.Get<IEnumerable<IMetricSource>>().OfType<DesignMetricSource>().Single();
        var now = _world.Listings.Catalog.Harness.Clock.GetUtcNow().UtcDateTime;

        var snapshot = await source.MeasureAsync(new MetricPeriod(now.AddDays(-1), now.AddDays(1)), new MeasureOptions(true, 5), default);

        Assert.Equal(1, snapshot.Of(DesignMetricSource.Delivered, _world.DesignerId));
        Assert.Equal(1.0, snapshot.Of(DesignMetricSource.Rework, _world.DesignerId));
        Assert.Equal(1.0, snapshot.Of(DesignMetricSource.OnTime, _world.DesignerId));
        Assert.Equal(4.0, snapshot.Of(DesignMetricSource.Cooperation, _world.DesignerId));
        Assert.Equal(4.0, snapshot.Of(DesignMetricSource.Quality, _world.DesignerId));
        Assert.Equal($"/design/requests/{id}", snapshot.RecordsOf(DesignMetricSource.Delivered, _world.DesignerId).Shown.Single().Link);
    }

    [Fact]
    public async Task A_delivered_detail_pages_contribution_comes_from_the_listings_orders_against_its_categorys_and_a_category_wide_rise_is_not_credited()
    {
        var id = await _world.InReviewAsync();
        CatalogWorld.Done(await Desk.ReviewAsync(_world.Supervisor, id, await _world.VersionOf(id), DesignWorld.Review(approve: true)));
        CatalogWorld.Done(await Desk.DeliverAsync(_world.Specialist, id, await _world.VersionOf(id), 4, null));
        var catalog = _world.Listings.Catalog;
        var other = await catalog.ProductAsync("云朵短裤", _world.Listings.Category);
        var otherSku = await catalog.SkuAsync(other, "SH-001");
        await using (var db = catalog.Harness.NewDb())
        {
            var tee = await db.Skus.SingleAsync(s => s.ProductId == _world.Listings.Tee);
            var number = 0;
            void Sell(int daysFromDelivery, int skuId, long cents, int channelId)
            {
                var at = new DateTime(2026, 11, 27, 4, 0, 0, DateTimeKind.Utc).AddDays(daysFromDelivery);
                var order = new Order
                {
                    ChannelId = channelId, PlatformOrderId = $"P{++number}", CustomerName = "A", CustomerPhone = "1", ShippingAddress = "B", CustomerLanguage = "zh-Hans",
                    PlacedAtUtc = at, ReceivedAtUtc = at, UpdatedAtUtc = at, Status = OrderStatus.Completed,
                };
                order.Lines.Add(new OrderLine { SkuId = skuId, SkuCode = "S", Title = "T", Quantity = 1, UnitPriceCents = cents });
                db.Orders.Add(order);
            }
            // Before: the tee sells 2 × 100 yuan, the rest of the category 4 × 100. After: both rise by half (a festival).
            Sell(-3, tee.Id, 10_000, _world.Listings.Tmall);
            Sell(-10, tee.Id, 10_000, _world.Listings.Tmall);
            for (var i = 0; i < 4; i++)
            {
                Sell(-2 - i, otherSku, 10_000, _world.Listings.Tmall);
            }
            Sell(2, tee.Id, 15_000, _world.Listings.Tmall);
            Sell(5, tee.Id, 15_000, _world.Listings.Tmall);
            for (var i = 0; i < 6; i++)
            {
                Sell(1 + i, otherSku, 10_000, _world.Listings.Tmall);
            }
            // Another channel's sales and a sale on the delivery day itself count for neither side.
            Sell(3, tee.Id, 99_900, _world.Listings.Taobao);
            Sell(0, tee.Id, 99_900, _world.Listings.Tmall);
            await db.SaveChangesAsync();
        }
        catalog.Harness.Clock.Advance(TimeSpan.FromDays(16));

        var report = (await _world.Queries.ContributionAsync(id))!;

        Assert.True(report.Complete);
        Assert.Equal((20_000L, 30_000L), (report.Figure.ListingBefore.NetCents, report.Figure.ListingAfter.NetCents));
        Assert.Equal((40_000L, 60_000L), (report.Figure.CategoryBefore.NetCents, report.Figure.CategoryAfter.NetCents));
        Assert.Equal(0.5, report.Figure.ListingSalesChange!.Value, 9);
        Assert.Equal(0.0, report.Figure.SalesContribution!.Value, 9);
        Assert.Equal(2 * DesignKpi.ContributionDays + 1, report.Daily.Count);
    }

    [Fact]
    public async Task Requests_of_two_categories_on_one_channel_measured_together_get_the_contributions_each_gets_alone()
    {
        var catalog = _world.Listings.Catalog;
        var shoes = await catalog.CategoryAsync("鞋", "Shoes");
        var boot = await catalog.ProductAsync("雪地靴", shoes);
        var bootSku = await catalog.SkuAsync(boot, "BOOT-001");
        var bootListing = CatalogWorld.Done(await _world.Listings.Desk.CreateAsync(_world.Specialist, boot, _world.Listings.Tmall));
        await using (var db = catalog.Harness.NewDb())
        {
            var tee = await db.Skus.SingleAsync(s => s.ProductId == _world.Listings.Tee);
            var number = 0;
            void Sell(int daysFromDelivery, int skuId, long cents)
            {
                var at = new DateTime(2026, 11, 10, 4, 0, 0, DateTimeKind.Utc).AddDays(daysFromDelivery);
                var order = new Order
                {
                    ChannelId = _world.Listings.Tmall, PlatformOrderId = $"Q{++number}", CustomerName = "A", CustomerPhone = "1", ShippingAddress = "B", CustomerLanguage = "zh-Hans",
                    PlacedAtUtc = at, ReceivedAtUtc = at, UpdatedAtUtc = at, Status = OrderStatus.Completed,
                };
                order.Lines.Add(new OrderLine { SkuId = skuId, SkuCode = "S", Title = "T", Quantity = 1, UnitPriceCents = cents });
                db.Orders.Add(order);
            }
            for (var day = -20; day <= 30; day += 3)
            {
                Sell(day, tee.Id, 10_000 + day * 100);
                Sell(day + 1, bootSku, 30_000 - day * 50);
            }
            await db.SaveChangesAsync();
        }
        catalog.Harness.Clock.Advance(TimeSpan.FromDays(40));
        (int, int, DateOnly) teeRequest = (1, _world.Listing, new DateOnly(2026, 11, 10)), bootRequest = (2, bootListing, new DateOnly(2026, 11, 20));

        await using var read = catalog.Harness.NewDb();
        var together = await _world.Queries.ContributionsAsync(read, [teeRequest, bootRequest], default);
        var teeAlone = await _world.Queries.ContributionsAsync(read, [teeRequest], default);
        var bootAlone = await _world.Queries.ContributionsAsync(read, [bootRequest], default);

        Assert.Equal(teeAlone[1].Figure, together[1].Figure);
        Assert.Equal(bootAlone[2].Figure, together[2].Figure);
        Assert.Equal(teeAlone[1].Daily, together[1].Daily);
        Assert.Equal(bootAlone[2].Daily, together[2].Daily);
        Assert.NotEqual(0, together[2].Figure.ListingAfter.NetCents);
    }

    /// <summary>A 200 MB upload that must never be read.</summary>
    private sealed class UnreadableStream : Stream
    {
        public bool WasRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => 200L * 1024 * 1024;
        public override long Position { get; set; }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            WasRead = true;
            return 0;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

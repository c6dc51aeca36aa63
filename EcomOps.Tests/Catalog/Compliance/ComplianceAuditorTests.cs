using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Service;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog.Compliance;

public sealed class ComplianceAuditorTests : IAsyncLifetime
{
    private ListingWorld _world = default!;

    private ComplianceAuditor Auditor => _world.Catalog.Harness.Get<ComplianceAuditor>();
    private ComplianceQueries Queries => _world.Catalog.Harness.Get<ComplianceQueries>();

    public async Task InitializeAsync() => _world = await ListingWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Running_the_audit_twice_in_one_week_returns_the_first_run_and_opens_nothing_more()
    {
        await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 全网最好的T恤");

        var first = await RunAsync();
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromHours(5));
        var second = await RunAsync();

        Assert.True(first.RanNow);
        Assert.False(second.RanNow);
        Assert.Equal(first.Run.Id, second.Run.Id);
        Assert.Equal((1, 0, 1), (first.Run.ListingsChecked, first.Run.ListingsPassed, first.Run.FindingsOpened));
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal(1, await db.Set<AuditRun>().CountAsync());
        Assert.Equal(1, await db.Set<ListingFinding>().CountAsync());
    }

    [Fact]
    public async Task A_banned_word_finding_names_rule_field_offending_text_owner_and_deadline()
    {
        var owner = await AuditWorld.EmployeeAsync(_world, "陈静", Roles.OperationsSpecialist);
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 顶级面料");
        await AuditWorld.EditedByAsync(_world, id, owner);

        await RunAsync();

        var finding = Assert.Single(await Queries.ListingFindingsAsync(id));
        Assert.Equal((ListingRuleKind.BannedWords, FindingFields.Title, FindingMessages.BannedTerm), (finding.Rule, finding.Field, finding.MessageKey));
        Assert.Equal(("顶级", 7, 2), (finding.HighlightText, finding.HighlightStart, finding.HighlightLength));
        Assert.Equal(["顶级", nameof(BannedTermCategory.Level)], finding.Arguments);
        Assert.Equal((owner, "陈静"), (finding.OwnerEmployeeId, finding.OwnerName));
        Assert.Equal(_world.Catalog.Harness.Clock.GetUtcNow().UtcDateTime.AddDays(3), finding.DueAtUtc);
    }

    [Fact]
    public async Task The_owner_sees_their_own_findings_and_not_a_colleagues()
    {
        var chen = await AuditWorld.EmployeeAsync(_world, "陈静", Roles.OperationsSpecialist);
        var li = await AuditWorld.EmployeeAsync(_world, "李娜", Roles.OperationsSpecialist);
        var mine = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 销量第一");
        var theirs = await AuditWorld.LiveAsync(_world, _world.Tmall, "云朵纯棉T恤 极品", description: "柔软");
        await AuditWorld.EditedByAsync(_world, mine, chen);
        await AuditWorld.EditedByAsync(_world, theirs, li);

        await RunAsync();

        var rows = await Queries.FindingsAsync(new FindingFilter(OwnerEmployeeId: chen), ComplianceQueries.ByDue, 0, 50);
        Assert.Equal([mine], rows.Rows.Select(r => r.ListingId).Distinct());
        Assert.Equal("销量第一", Assert.Single(rows.Rows).HighlightText);
    }

    [Fact]
    public async Task Fixing_the_listing_and_checking_it_again_closes_the_finding_at_once()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 最好的选择");
        await RunAsync();
        CatalogWorld.Done(await _world.Desk.PauseAsync(_world.Manager, id, (await _world.DetailAsync(id)).Version));
        var detail = await _world.DetailAsync(id);
        detail.Form.Title = "云朵纯棉T恤 柔软透气";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, id, detail.Version, detail.Form));

        var checkedAgain = await Auditor.CheckListingAsync(_world.Specialist, id);

        Assert.True(checkedAgain.Succeeded);
        Assert.Equal(new ListingCheckResult(0, 1, 0), checkedAgain.Value);
        var finding = Assert.Single(await Queries.ListingFindingsAsync(id));
        Assert.False(finding.IsOpen);
        Assert.Equal("specialist@ecomops.local", finding.ClosedByName);
    }

    [Fact]
    public async Task Checks_of_one_listing_at_the_same_moment_open_its_finding_once_and_fail_nobody()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 全网最好的T恤");

        var checks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Auditor.CheckListingAsync(_world.Specialist, id))));

        Assert.All(checks, c => Assert.True(c.Succeeded));
        Assert.Equal(1, checks.Sum(c => c.Value!.Opened));
        Assert.All(checks, c => Assert.Equal(1, c.Value!.StillOpen));
        Assert.Single(await Queries.ListingFindingsAsync(id));
    }

    [Fact]
    public async Task The_next_weeks_run_closes_what_was_fixed_and_keeps_what_was_not()
    {
        var fixedOne = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 顶级");
        var leftOne = await AuditWorld.LiveAsync(_world, _world.Tmall, "云朵纯棉T恤 至尊", description: "柔软");
        var first = await RunAsync();
        var kept = Assert.Single(await Queries.ListingFindingsAsync(leftOne));
        await AuditWorld.RetitleAsync(_world, fixedOne, "云朵纯棉T恤");

        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(7));
        var next = await RunAsync();

        Assert.NotEqual(first.Run.Id, next.Run.Id);
        Assert.Equal((0, 1, 1), (next.Run.FindingsOpened, next.Run.FindingsClosed, next.Run.FindingsStillOpen));
        Assert.Equal(kept.Id, Assert.Single((await Queries.FindingsAsync(new FindingFilter(), ComplianceQueries.ByDue, 0, 10)).Rows).Id);
        Assert.Equal(next.Run.Id, await ClosedByRunAsync(fixedOne));
    }

    [Fact]
    public async Task A_finding_past_its_deadline_pauses_the_listing_when_its_rule_pauses_and_the_trail_names_the_audit()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 国家级品质");
        await RunAsync();
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(4));

        var paused = await Auditor.PauseOverdueAsync();

        Assert.Equal(1, paused);
        Assert.Equal(ListingState.Paused, (await _world.DetailAsync(id)).State);
        Assert.NotNull(Assert.Single(await Queries.ListingFindingsAsync(id)).PausedListingAtUtc);
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Listing) && e.EntityKey == id.ToString() && e.ActorName == ComplianceAuditor.AuditActor.Name));
    }

    [Fact]
    public async Task A_listing_the_audit_paused_goes_back_live_only_after_a_check_closed_its_finding()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 王牌产品");
        await RunAsync();
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(4));
        await Auditor.PauseOverdueAsync();

        var early = await _world.Desk.ApproveAsync(_world.Manager, id, (await _world.DetailAsync(id)).Version);
        var detail = await _world.DetailAsync(id);
        detail.Form.Title = "云朵纯棉T恤";
        CatalogWorld.Done(await _world.Desk.SaveAsync(_world.Specialist, id, detail.Version, detail.Form));
        await Auditor.CheckListingAsync(_world.Specialist, id);
        var later = await _world.Desk.ApproveAsync(_world.Manager, id, (await _world.DetailAsync(id)).Version);

        Assert.Equal(ListingErrors.PausedForFindings, Assert.Single(early.Errors).Code);
        Assert.True(later.Succeeded);
        Assert.Equal(ListingState.Live, (await _world.DetailAsync(id)).State);
    }

    [Fact]
    public async Task A_finding_past_its_deadline_leaves_the_listing_live_when_its_rule_does_not_pause()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤", price: 5_000);
        await RunAsync();
        var finding = Assert.Single(await Queries.ListingFindingsAsync(id));
        Assert.Equal(ListingRuleKind.PriceNearListPrice, finding.Rule);
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(0, await Auditor.PauseOverdueAsync());
        Assert.Equal(ListingState.Live, (await _world.DetailAsync(id)).State);
    }

    [Fact]
    public async Task Switching_pausing_on_for_a_rule_makes_its_overdue_findings_pause()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤", price: 5_000);
        await RunAsync();
        var settings = (await Auditor.SettingsAsync()).Settings;
        settings.Rule(ListingRuleKind.PriceNearListPrice).PausesListingWhenOverdue = true;
        Assert.True((await Auditor.SaveSettingsAsync(_world.Manager, settings, 0)).Succeeded);
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, await Auditor.PauseOverdueAsync());
        Assert.Equal(ListingState.Paused, (await _world.DetailAsync(id)).State);
    }

    [Fact]
    public async Task Switching_a_rule_off_closes_its_findings_on_the_next_run()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 顶尖");
        await RunAsync();
        var settings = (await Auditor.SettingsAsync()).Settings;
        settings.Rule(ListingRuleKind.BannedWords).Enabled = false;
        Assert.True((await Auditor.SaveSettingsAsync(_world.Manager, settings, 0)).Succeeded);
        _world.Catalog.Harness.Clock.Advance(TimeSpan.FromDays(7));

        var next = await RunAsync();

        Assert.Equal((1, 1), (next.Run.FindingsClosed, next.Run.ListingsPassed));
        Assert.False(Assert.Single(await Queries.ListingFindingsAsync(id)).IsOpen);
    }

    [Fact]
    public async Task An_allow_listed_word_passes_and_an_added_term_is_found()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤 最近上新 爆款");
        var settings = (await Auditor.SettingsAsync()).Settings;
        settings.Terms.Add(new BannedTerm("爆款", BannedTermCategory.Superlative));
        Assert.True((await Auditor.SaveSettingsAsync(_world.Manager, settings, 0)).Succeeded);

        await RunAsync();

        Assert.Equal("爆款", Assert.Single(await Queries.ListingFindingsAsync(id)).HighlightText);
    }

    [Fact]
    public async Task A_run_keeps_pass_rate_per_channel_and_per_owner()
    {
        var chen = await AuditWorld.EmployeeAsync(_world, "陈静", Roles.OperationsSpecialist);
        var clean = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤");
        var flagged = await AuditWorld.LiveAsync(_world, _world.Tmall, "云朵纯棉T恤 第一品牌", description: "柔软");
        await AuditWorld.EditedByAsync(_world, clean, chen);
        await AuditWorld.EditedByAsync(_world, flagged, chen);
        var now = _world.Catalog.Harness.Clock.GetUtcNow().UtcDateTime;

        await RunAsync();

        var byChannel = await Queries.PassRateByChannelAsync(now.AddDays(-1), now.AddDays(1));
        Assert.Equal([("天猫旗舰店", 0.0), ("淘宝店", 1.0)], byChannel.Select(r => (r.Name, r.Rate ?? -1)));
        var byOwner = Assert.Single(await Queries.PassRateByOwnerAsync(now.AddDays(-1), now.AddDays(1)));
        Assert.Equal(("陈静", 2, 1), (byOwner.Name, byOwner.Checked, byOwner.Passed));
        var source = _world.Catalog.Harness.Get<IEnumerable<IMetricSource>>().OfType<AuditMetricSource>().Single();
        var snapshot = await source.MeasureAsync(new MetricPeriod(now.AddDays(-1), now.AddDays(1)), new MeasureOptions(true, 5), default);
        Assert.Equal((0.5, 0.5), (snapshot.Total(AuditMetricSource.PassRate), snapshot.Of(AuditMetricSource.PassRate, chen)));
        Assert.Equal(2, snapshot.Breakdowns[AuditMetricSource.PassRate].Count);
        Assert.Equal(1, snapshot.RecordsOf(AuditMetricSource.PassRate).Total);
    }

    [Fact]
    public async Task A_specialist_may_check_a_listing_but_not_run_the_audit_or_change_its_settings_and_an_agent_may_do_neither()
    {
        var id = await AuditWorld.LiveAsync(_world, _world.Taobao, "云朵纯棉T恤");
        var agent = Actor.Person("u-agent", "agent@ecomops.local", Roles.CsAgent);

        Assert.Equal(Actor.NotPermitted, Assert.Single((await Auditor.RunAsync(_world.Specialist, AuditTrigger.OnDemand)).Errors));
        Assert.Equal(Actor.NotPermitted, Assert.Single((await Auditor.SaveSettingsAsync(_world.Specialist, AuditSettings.Default(), 0)).Errors));
        Assert.Equal(Actor.NotPermitted, Assert.Single((await Auditor.CheckListingAsync(agent, id)).Errors));
        Assert.True((await Auditor.CheckListingAsync(_world.Specialist, id)).Succeeded);
        await using var db = _world.Catalog.Harness.NewDb();
        Assert.Equal(0, await db.Set<AuditRun>().CountAsync());
    }

    [Fact]
    public async Task Saving_settings_from_a_stale_copy_is_refused_and_keeps_the_other_save()
    {
        var mine = (await Auditor.SettingsAsync()).Settings;
        var theirs = (await Auditor.SettingsAsync()).Settings;
        theirs.Rule(ListingRuleKind.Stock).DeadlineDays = 5;
        Assert.True((await Auditor.SaveSettingsAsync(_world.OtherManager, theirs, 0)).Succeeded);
        mine.Rule(ListingRuleKind.Stock).DeadlineDays = 9;

        var stale = await Auditor.SaveSettingsAsync(_world.Manager, mine, 0);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        var stored = await Auditor.SettingsAsync();
        Assert.Equal((5, 1L), (stored.Settings.Rule(ListingRuleKind.Stock).DeadlineDays, stored.Version));
    }

    [Fact]
    public async Task Settings_with_a_deadline_out_of_range_or_a_repeated_term_are_refused_by_field()
    {
        var settings = AuditSettings.Default();
        settings.Rule(ListingRuleKind.Stock).DeadlineDays = 0;
        settings.Allowed.Add("最近");

        var outcome = await Auditor.SaveSettingsAsync(_world.Manager, settings, 0);

        Assert.Equal(
            [new FieldError("DeadlineDays.Stock", AuditErrors.DeadlineOutOfRange), new FieldError(nameof(AuditSettings.Allowed), AuditErrors.TermRepeated)],
            outcome.Errors);
    }

    [Fact]
    public async Task The_audit_period_is_the_iso_week_in_the_company_zone()
    {
        // Sunday 2026-11-29 23:30 in Shanghai is still week 48; Monday 00:30 is week 49 (Sunday 16:30 UTC).
        Assert.Equal("2026-W48", Auditor.PeriodOf(new DateTime(2026, 11, 29, 15, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-W49", Auditor.PeriodOf(new DateTime(2026, 11, 29, 16, 30, 0, DateTimeKind.Utc)));
        await Task.CompletedTask;
    }

    private async Task<AuditRunResult> RunAsync()
    {
        var outcome = await Auditor.RunAsync(_world.Manager, AuditTrigger.OnDemand);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors));
        return outcome.Value!;
    }

    private async Task<int?> ClosedByRunAsync(int listing)
    {
        await using var db = _world.Catalog.Harness.NewDb();
        return await db.Set<ListingFinding>().Where(f => f.ListingId == listing).Select(f => f.ClosedByRunId).SingleAsync();
    }
}

/// <summary>Live listings with chosen titles, and the operations employees who own their findings.</summary>
internal static class AuditWorld
{
    private static int _products;

    /// <summary>A new product like the world's tee, listed on the channel with this title and approved live.</summary>
    public static async Task<int> LiveAsync(ListingWorld world, int channel, string title, long? price = null, string? description = null)
    {
        var n = Interlocked.Increment(ref _products);
        var product = CatalogWorld.Done(await world.Catalog.Desk.SaveProductAsync(world.Manager, null, 0, new ProductForm
        {
            Name = $"云朵纯棉T恤 {n}", CategoryId = world.Category, BrandId = world.Brand, Origin = "浙江杭州", Material = "100% 棉", Instructions = "冷水手洗",
            AfterSales = "7天无理由退货", SellingPoints = "柔软透气", Description = description,
        }));
        var sku = CatalogWorld.Done(await world.Catalog.Desk.SaveSkuAsync(world.Manager, product, null, 0, new SkuForm
        {
            Code = $"AUD-{n:000}-{channel}", Specification = "黑色 M", Model = "AP-0001", Barcode = Ean13($"690123499{n:000}"), ListPriceCents = 9_900, UnitCostCents = 4_000, WeightGrams = 220,
        }));
        await world.StockAsync(sku, 10);
        CatalogWorld.Done(await world.Catalog.Harness.Get<ProductImageDesk>().AddAsync(world.Manager, product, "main.jpg", DemoImages.Render(n % 12, 800)));
        var id = CatalogWorld.Done(await world.Desk.CreateAsync(world.Specialist, product, channel));
        var detail = await world.DetailAsync(id);
        detail.Form.Title = title;
        detail.Form.Description = description;
        if (price is { } cents)
        {
            detail.Form.Prices[sku] = cents;
        }
        CatalogWorld.Done(await world.Desk.SaveAsync(world.Specialist, id, detail.Version, detail.Form));
        CatalogWorld.Done(await world.Desk.SubmitAsync(world.Specialist, id, (await world.DetailAsync(id)).Version));
        CatalogWorld.Done(await world.Desk.ApproveAsync(world.Manager, id, (await world.DetailAsync(id)).Version));
        return id;
    }

    /// <summary>A well-formed EAN-13 from its first twelve digits.</summary>
    private static string Ean13(string twelve)
    {
        var sum = twelve.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return twelve + (char)('0' + (10 - sum % 10) % 10);
    }

    public static async Task<int> EmployeeAsync(ListingWorld world, string name, string role)
    {
        await using var db = world.Catalog.Harness.NewDb();
        var n = Interlocked.Increment(ref _products);
        var employee = new Employee { EmployeeNumber = $"E-AUD-{n}", FullName = name, Email = $"aud{n}@ecomops.local", Team = Team.Operations, Role = role };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return employee.Id;
    }

    /// <summary>Makes the employee the listing's last editor (the owner of its findings).</summary>
    public static async Task EditedByAsync(ListingWorld world, int listing, int employee)
    {
        await using var db = world.Catalog.Harness.NewDb();
        await db.Listings.Where(l => l.Id == listing).ExecuteUpdateAsync(u => u.SetProperty(l => l.LastEditorEmployeeId, employee));
    }

    /// <summary>Changes a live listing's title behind the desk's back (as a pause, edit and approval would).</summary>
    public static async Task RetitleAsync(ListingWorld world, int listing, string title)
    {
        await using var db = world.Catalog.Harness.NewDb();
        await db.Listings.Where(l => l.Id == listing).ExecuteUpdateAsync(u => u.SetProperty(l => l.Title, title));
    }
}

using System.Globalization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Answers;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Campaigns;

/// <summary>
/// Plans, approves and runs campaigns. Operations people plan (<see cref="Permissions.PlanCampaigns"/>); the director —
/// or a manager, when <see cref="CampaignSettings.ApproverRole"/> says so — approves, which records who, when and the
/// risk state; a change of an approved plan sends it back to review. Every refusal writes nothing.
/// </summary>
public sealed class CampaignDesk(IDbContextFactory<OpsDb> dbFactory, CampaignSettings settings, CampaignRiskCheck risks, CompanyTime time)
{
    /// <summary>Creates (id null) or changes a campaign's plan. Returns its id.</summary>
    public Task<Outcome<int>> SaveAsync(Actor actor, int? id, long version, CampaignForm form, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.PlanCampaigns))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = CampaignRules.Check(form);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            Campaign? campaign = null;
            if (id is { } existing)
            {
                campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == existing, ct);
                if (campaign is null)
                {
                    return Outcome<int>.NotFound();
                }
                if (campaign.Version != version)
                {
                    return Outcome<int>.Conflict();
                }
                if (!campaign.CanEdit)
                {
                    return Outcome<int>.Invalid([new FieldError("State", CampaignErrors.WrongState)]);
                }
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var now = time.UtcNow;
            var (start, end) = (time.ToUtc(form.StartDate!.Value.ToDateTime(TimeOnly.MinValue)), time.ToUtc(form.EndDate!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            var draft = new Campaign { Name = form.Name.Trim() };
            Apply(draft, form, start, end);
            draft.Id = campaign?.Id ?? 0;
            await CheckAgainstOthersAsync(db, draft, errors, ct);
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            if (campaign is null)
            {
                campaign = draft;
                campaign.State = CampaignState.Draft;
                campaign.CreatedAtUtc = now;
                campaign.CreatedByName = actor.Name;
                campaign.OwnerEmployeeId ??= await OwnEmployeeIdAsync(db, actor, ct);
                campaign.Tasks = DefaultTasks(form.StartDate.Value, campaign.OwnerEmployeeId);
                db.Campaigns.Add(campaign);
            }
            else
            {
                Apply(campaign, form, start, end);
                if (campaign.State is CampaignState.Approved or CampaignState.Running)
                {
                    // The plan that was approved is not this one any more.
                    campaign.State = CampaignState.InReview;
                    campaign.SubmittedAtUtc = now;
                    campaign.ApprovedAtUtc = null;
                    campaign.ApprovedByName = null;
                    campaign.ApprovalRiskState = null;
                }
            }
            campaign.UpdatedAtUtc = now;
            return await CatalogDesk.SaveAsync(db, () => campaign.Id, ct);
        }, ct);

    /// <summary>Hands a draft to the approver.</summary>
    public Task<Outcome<int>> SubmitAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.CanSubmit, (db, c) =>
        {
            c.State = CampaignState.InReview;
            c.SubmittedAtUtc = time.UtcNow;
            return Task.CompletedTask;
        }, ct);

    /// <summary>Sends a campaign in review back to its planner (a draft again).</summary>
    public Task<Outcome<int>> SendBackAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, Permissions.ApproveCampaigns, id, version, c => c.CanApprove, (db, c) =>
        {
            c.State = CampaignState.Draft;
            return Task.CompletedTask;
        }, ct, approver: true);

    /// <summary>Approves a campaign in review: records who, when, and the risks (automatic and manual) as they stand now.</summary>
    public Task<Outcome<int>> ApproveAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        ChangeAsync(actor, Permissions.ApproveCampaigns, id, version, c => c.CanApprove, async (db, c) =>
        {
            var found = await risks.CheckAsync(db, c, ct);
            var now = time.UtcNow;
            c.State = now >= c.StartsAtUtc ? (now >= c.EndsAtUtc ? CampaignState.Ended : CampaignState.Running) : CampaignState.Approved;
            c.ApprovedAtUtc = now;
            c.ApprovedByName = actor.Name;
            c.ApprovalRiskState = RiskState(found, c.Risks);
        }, ct, approver: true);

    /// <summary>Calls a campaign off before it ends; its standard answers are retired.</summary>
    public Task<Outcome<int>> CancelAsync(Actor actor, int id, long version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.CanCancel, async (db, c) =>
        {
            c.State = CampaignState.Cancelled;
            c.CancelledAtUtc = time.UtcNow;
            c.CancelReason = CatalogRules.Blank(reason) is { } r && r.Length > 500 ? r[..500] : CatalogRules.Blank(reason);
            await RetireAnswersAsync(db, c, ct);
        }, ct);

    /// <summary>Replaces the manual risk assessment (风险评估). It is the approver's reading, not the plan: an approval stands.</summary>
    public Task<Outcome<int>> SaveRisksAsync(Actor actor, int id, long version, IReadOnlyList<CampaignRisk> manual, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < manual.Count; i++)
        {
            CatalogRules.Required(errors, $"Risks[{i}].Title", manual[i].Title, 200);
            CatalogRules.Optional(errors, $"Risks[{i}].Mitigation", manual[i].Mitigation, 500);
        }
        if (errors.Count > 0)
        {
            return Task.FromResult(Outcome<int>.Invalid(errors));
        }
        return ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.CanEdit, (db, c) =>
        {
            c.Risks = [.. manual.Select(r => new CampaignRisk { Title = r.Title.Trim(), Likelihood = r.Likelihood, Impact = r.Impact, Mitigation = CatalogRules.Blank(r.Mitigation) })];
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Adds an execution task with its owner and deadline.</summary>
    public Task<Outcome<int>> AddTaskAsync(Actor actor, int id, long version, CampaignTaskKind kind, int? ownerId, DateOnly? deadline, string? note, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (deadline is null)
        {
            errors.Add(new FieldError("Deadline", CatalogErrors.Required));
        }
        CatalogRules.Optional(errors, "Note", note, 200);
        if (errors.Count > 0)
        {
            return Task.FromResult(Outcome<int>.Invalid(errors));
        }
        return ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.CanEdit, async (db, c) =>
        {
            if (ownerId is { } owner && !await db.Employees.AnyAsync(e => e.Id == owner && e.Active, ct))
            {
                throw new RefusedException(new FieldError("OwnerId", CampaignErrors.UnknownOwner));
            }
            c.Tasks = [.. c.Tasks, new CampaignTask { Kind = kind, OwnerEmployeeId = ownerId, Deadline = deadline!.Value, Note = CatalogRules.Blank(note) }];
        }, ct);
    }

    /// <summary>
    /// Marks an execution task done. "CS briefed" publishes the campaign's standard answers (in Chinese and English) to
    /// the answer library, where agents find them while it runs; they are retired when it ends.
    /// </summary>
    public Task<Outcome<int>> CompleteTaskAsync(Actor actor, int id, long version, int taskIndex, CancellationToken ct = default) =>
        ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.State is not (CampaignState.Cancelled or CampaignState.Reviewed), async (db, c) =>
        {
            if (taskIndex < 0 || taskIndex >= c.Tasks.Count || c.Tasks[taskIndex].DoneAtUtc is not null)
            {
                throw new RefusedException(new FieldError("Task", CampaignErrors.WrongState));
            }
            var tasks = c.Tasks.Select(Copy).ToList();
            tasks[taskIndex].DoneAtUtc = time.UtcNow;
            tasks[taskIndex].DoneByName = actor.Name;
            c.Tasks = tasks;
            if (tasks[taskIndex].Kind == CampaignTaskKind.CsBriefed)
            {
                await PublishAnswersAsync(db, c, ct);
            }
        }, ct);

    /// <summary>Records the ads booked so far (the platforms' bills); it is spending, not the plan.</summary>
    public Task<Outcome<int>> RecordAdsSpendAsync(Actor actor, int id, long version, long adsSpentCents, CancellationToken ct = default) =>
        adsSpentCents < 0
            ? Task.FromResult(Outcome<int>.Invalid([new FieldError("AdsSpentCents", CampaignErrors.BudgetNegative)]))
            : ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.State is CampaignState.Approved or CampaignState.Running or CampaignState.Ended, (db, c) =>
            {
                c.AdsSpentCents = adsSpentCents;
                return Task.CompletedTask;
            }, ct);

    /// <summary>Writes the review of an ended campaign: what went well and badly, and the lessons for the next one.</summary>
    public Task<Outcome<int>> SaveReviewAsync(Actor actor, int id, long version, string? wentWell, string? wentBadly, string? lessons, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        CatalogRules.Optional(errors, "WentWell", wentWell, Campaign.MaxTextLength);
        CatalogRules.Optional(errors, "WentBadly", wentBadly, Campaign.MaxTextLength);
        CatalogRules.Required(errors, "Lessons", lessons, Campaign.MaxTextLength);
        if (errors.Count > 0)
        {
            return Task.FromResult(Outcome<int>.Invalid(errors));
        }
        return ChangeAsync(actor, Permissions.PlanCampaigns, id, version, c => c.CanReview, (db, c) =>
        {
            c.WentWell = CatalogRules.Blank(wentWell);
            c.WentBadly = CatalogRules.Blank(wentBadly);
            c.Lessons = CatalogRules.Blank(lessons);
            c.State = CampaignState.Reviewed;
            c.ReviewedAtUtc = time.UtcNow;
            c.ReviewedByName = actor.Name;
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>
    /// Moves campaigns with the clock — approved ones start, running ones end (retiring their standard answers) — and
    /// escalates open tasks past their deadline before the start, once each. Safe to run twice. Returns the escalated tasks.
    /// </summary>
    public Task<IReadOnlyList<CampaignEscalation>> AdvanceAsync(CancellationToken ct = default) =>
        WriteRetry.RunOrThrowAsync<IReadOnlyList<CampaignEscalation>>(async () =>
        {
            var now = time.UtcNow;
            var today = time.Today;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var escalateFrom = now.AddDays(-1);
            var moving = await db.Campaigns
                .Where(c => (c.State == CampaignState.Approved && c.StartsAtUtc <= now) || (c.State == CampaignState.Running && c.EndsAtUtc <= now)
                    || ((c.State == CampaignState.Approved || c.State == CampaignState.InReview || c.State == CampaignState.Draft) && c.StartsAtUtc > escalateFrom))
                .ToListAsync(ct);
            var escalated = new List<CampaignEscalation>();
            foreach (var c in moving)
            {
                if (c.State == CampaignState.Approved && c.StartsAtUtc <= now)
                {
                    c.State = c.EndsAtUtc <= now ? CampaignState.Ended : CampaignState.Running;
                }
                if (c.State == CampaignState.Running && c.EndsAtUtc <= now)
                {
                    c.State = CampaignState.Ended;
                }
                if (c.State == CampaignState.Ended)
                {
                    await RetireAnswersAsync(db, c, ct);
                }
                var startDay = DateOnly.FromDateTime(time.ToLocal(c.StartsAtUtc));
                if (c.StartsAtUtc > now && startDay.DayNumber - today.DayNumber <= settings.EscalateWithinDays
                    && c.Tasks.Any(t => t.DoneAtUtc is null && t.EscalatedAtUtc is null && t.Deadline < today))
                {
                    var tasks = c.Tasks.Select(Copy).ToList();
                    foreach (var task in tasks.Where(t => t.DoneAtUtc is null && t.EscalatedAtUtc is null && t.Deadline < today))
                    {
                        task.EscalatedAtUtc = now;
                        escalated.Add(new CampaignEscalation(c.Id, c.Name, task.Kind, task.OwnerEmployeeId, c.OwnerEmployeeId, task.Deadline));
                    }
                    c.Tasks = tasks;
                }
                if (db.Entry(c).State == EntityState.Modified || db.ChangeTracker.HasChanges())
                {
                    c.UpdatedAtUtc = now;
                }
            }
            await db.SaveChangesAsync(ct);
            return escalated;
        }, ct);

    /// <summary>The refusals that need other records: channels, SKUs and owner exist, gift in stock, code free, no exclusive clash.</summary>
    private async Task CheckAgainstOthersAsync(OpsDb db, Campaign draft, List<FieldError> errors, CancellationToken ct)
    {
        var channels = draft.ChannelIds;
        if (await db.SalesChannels.CountAsync(c => channels.Contains(c.Id), ct) != channels.Distinct().Count())
        {
            errors.Add(new FieldError(nameof(CampaignForm.ChannelIds), CampaignErrors.UnknownChannel));
        }
        var skuIds = draft.Skus.Select(s => s.SkuId).Concat(draft.GiftSkuId is { } g ? [g] : []).Distinct().ToList();
        if (await db.Skus.CountAsync(s => skuIds.Contains(s.Id) && s.Active, ct) != skuIds.Count)
        {
            errors.Add(new FieldError(nameof(CampaignForm.Skus), CampaignErrors.UnknownSku));
        }
        if (draft.OwnerEmployeeId is { } owner && !await db.Employees.AnyAsync(e => e.Id == owner && e.Active, ct))
        {
            errors.Add(new FieldError(nameof(CampaignForm.OwnerEmployeeId), CampaignErrors.UnknownOwner));
        }
        if (draft.Type == CampaignType.GiftWithPurchase && draft.GiftSkuId is { } gift
            && await db.StockBalances.Where(b => b.SkuId == gift).SumAsync(b => b.OnHand - b.Reserved, ct) < draft.GiftQuantity)
        {
            errors.Add(new FieldError(nameof(CampaignForm.GiftSkuId), CampaignErrors.GiftOutOfStock));
        }
        if (draft.Code is { } code && await db.Campaigns.AnyAsync(c => c.Code == code && c.Id != draft.Id, ct))
        {
            errors.Add(new FieldError(nameof(CampaignForm.Code), CampaignErrors.CodeTaken));
        }
        var terms = CampaignTerms.From(draft);
        var clashing = (await db.Campaigns.AsNoTracking()
                .Where(c => c.Id != draft.Id && c.State != CampaignState.Cancelled && c.StartsAtUtc < draft.EndsAtUtc && c.EndsAtUtc > draft.StartsAtUtc && (c.Exclusive || draft.Exclusive))
                .ToListAsync(ct))
            .FirstOrDefault(c => CampaignRules.Overlap(terms, CampaignTerms.From(c)));
        if (clashing is not null)
        {
            errors.Add(new FieldError(nameof(CampaignForm.Exclusive), CampaignErrors.ExclusiveOverlap));
        }
    }

    private void Apply(Campaign c, CampaignForm form, DateTime start, DateTime end)
    {
        c.Name = form.Name.Trim();
        c.Code = CatalogRules.Blank(form.Code);
        c.Type = form.Type;
        c.ChannelIds = [.. form.ChannelIds.Distinct().Order()];
        c.Audience = CatalogRules.Blank(form.Audience);
        c.AudienceSegment = form.AudienceSegment;
        c.MemberTier = form.Type == CampaignType.MemberExclusive ? form.MemberTier : null;
        c.StartsAtUtc = start;
        c.EndsAtUtc = end;
        c.Exclusive = form.Exclusive;
        c.UpliftPercent = form.UpliftPercent;
        var pricesSkus = CampaignRules.PricesSkus(form.Type);
        c.Skus = [.. form.Skus.Select(s => new CampaignSkuRule
        {
            SkuId = s.SkuId,
            DiscountPercent = pricesSkus && s.FixedPriceCents is null ? s.DiscountPercent : null,
            FixedPriceCents = pricesSkus ? s.FixedPriceCents : null,
            WindowFromUtc = pricesSkus && s.WindowFromLocal is { } f ? time.ToUtc(f) : null,
            WindowToUtc = pricesSkus && s.WindowToLocal is { } t ? time.ToUtc(t) : null,
        })];
        c.Tiers = form.Type == CampaignType.SpendSave ? [.. form.Tiers.Select(t => new SpendTier { ThresholdCents = t.ThresholdCents, SaveCents = t.SaveCents })] : [];
        c.StackTiers = form.Type == CampaignType.SpendSave && form.StackTiers;
        var gift = form.Type == CampaignType.GiftWithPurchase;
        c.GiftSkuId = gift ? form.GiftSkuId : null;
        c.GiftQuantity = gift ? form.GiftQuantity : 0;
        c.GiftThresholdCents = gift ? form.GiftThresholdCents : 0;
        c.AdsBudgetCents = form.AdsBudgetCents;
        c.GiftBudgetCents = form.GiftBudgetCents;
        c.DiscountBudgetCents = form.DiscountBudgetCents;
        c.GoalRevenueCents = form.GoalRevenueCents;
        c.GoalUnits = form.GoalUnits;
        c.GoalParticipants = form.GoalParticipants;
        c.GoalConversionPercent = form.GoalConversionPercent;
        c.OwnerEmployeeId = form.OwnerEmployeeId ?? c.OwnerEmployeeId;
    }

    /// <summary>The rulebook's execution steps, each due a few days before the start; the owner is the campaign's until someone else takes one.</summary>
    public static List<CampaignTask> DefaultTasks(DateOnly start, int? ownerId) =>
    [
        new() { Kind = CampaignTaskKind.PageAndPoster, Deadline = start.AddDays(-7), OwnerEmployeeId = ownerId },
        new() { Kind = CampaignTaskKind.PlatformRules, Deadline = start.AddDays(-2), OwnerEmployeeId = ownerId },
        new() { Kind = CampaignTaskKind.AdsBooked, Deadline = start.AddDays(-3), OwnerEmployeeId = ownerId },
        new() { Kind = CampaignTaskKind.CsBriefed, Deadline = start.AddDays(-1), OwnerEmployeeId = ownerId },
        new() { Kind = CampaignTaskKind.StockTransferred, Deadline = start.AddDays(-3), OwnerEmployeeId = ownerId },
    ];

    /// <summary>The risk state as words kept with the approval: each automatic finding, then each manual risk's levels.</summary>
    public static string RiskState(IReadOnlyList<AutoRisk> found, IReadOnlyList<CampaignRisk> manual)
    {
        var parts = found.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Kind} {r.Subject} {r.Needed}/{r.Have}"))
            .Concat(manual.Select(r => $"{r.Title} ({r.Likelihood}/{r.Impact})")).ToList();
        var text = parts.Count == 0 ? "No risks found" : string.Join("; ", parts);
        return text.Length > Campaign.MaxTextLength ? text[..Campaign.MaxTextLength] : text;
    }

    internal static CampaignTask Copy(CampaignTask t) => new()
    {
        Kind = t.Kind, Note = t.Note, OwnerEmployeeId = t.OwnerEmployeeId, Deadline = t.Deadline, DoneAtUtc = t.DoneAtUtc, DoneByName = t.DoneByName, EscalatedAtUtc = t.EscalatedAtUtc,
        DesignRequestId = t.DesignRequestId,
    };

    private static async Task<int?> OwnEmployeeIdAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is { } user ? await db.Employees.Where(e => e.UserId == user).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct) : null;

    /// <summary>The tag that marks a campaign's standard answers.</summary>
    public static string AnswerTag(Campaign c) => $"campaign-{c.Number}";

    private async Task PublishAnswersAsync(OpsDb db, Campaign c, CancellationToken ct)
    {
        var tag = AnswerTag(c);
        if (await db.StandardAnswers.AnyAsync(a => a.Tags.Contains(tag), ct))
        {
            return;
        }
        var (from, to) = (DateOnly.FromDateTime(time.ToLocal(c.StartsAtUtc)), DateOnly.FromDateTime(time.ToLocal(c.EndsAtUtc).AddDays(-1)));
        var now = time.UtcNow;
        foreach (var (language, title, body) in CampaignAnswers.Compose(c, from, to))
        {
            db.StandardAnswers.Add(new StandardAnswer
            {
                Title = title.Length > AnswerRules.MaxTitleLength ? title[..AnswerRules.MaxTitleLength] : title,
                Body = body.Length > AnswerRules.MaxBodyLength ? body[..AnswerRules.MaxBodyLength] : body,
                Category = TicketCategories.Other, Tags = $"campaign,{tag}", Language = language, Status = AnswerStatus.Approved,
                ProposedBy = "campaign", CreatedAtUtc = now, UpdatedAtUtc = now,
            });
        }
    }

    private async Task RetireAnswersAsync(OpsDb db, Campaign c, CancellationToken ct)
    {
        var tag = AnswerTag(c);
        foreach (var answer in await db.StandardAnswers.Where(a => a.Tags.Contains(tag) && a.Status == AnswerStatus.Approved).ToListAsync(ct))
        {
            answer.Status = AnswerStatus.Retired;
            answer.UpdatedAtUtc = time.UtcNow;
        }
    }

    /// <summary>A refusal found inside a change, after the campaign was read: nothing is saved.</summary>
    private sealed class RefusedException(FieldError error) : Exception(error.Code)
    {
        public FieldError Error { get; } = error;
    }

    private Task<Outcome<int>> ChangeAsync(Actor actor, string permission, int id, long version, Func<Campaign, bool> allowed, Func<OpsDb, Campaign, Task> change,
        CancellationToken ct, bool approver = false) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(permission) || (approver && !settings.MayApprove(actor)))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (campaign is null)
            {
                return Outcome<int>.NotFound();
            }
            if (campaign.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            if (!allowed(campaign))
            {
                return Outcome<int>.Invalid([new FieldError("State", CampaignErrors.WrongState)]);
            }
            try
            {
                await change(db, campaign);
            }
            catch (RefusedException refused)
            {
                return Outcome<int>.Invalid([refused.Error]);
            }
            campaign.UpdatedAtUtc = time.UtcNow;
            return await CatalogDesk.SaveAsync(db, () => campaign.Id, ct);
        }, ct);
}

/// <summary>A task escalated to the campaign's owner and the managers: open past its deadline before the start.</summary>
public sealed record CampaignEscalation(int CampaignId, string CampaignName, CampaignTaskKind Kind, int? TaskOwnerId, int? CampaignOwnerId, DateOnly Deadline);

/// <summary>The campaign's standard answers for customer service, in both languages, from its own terms.</summary>
public static class CampaignAnswers
{
    public static IEnumerable<(string Language, string Title, string Body)> Compose(Campaign c, DateOnly from, DateOnly to)
    {
        var dates = $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}";
        var code = c.Code is { } k ? $" ({k})" : "";
        yield return (AnswerLanguages.Chinese, $"活动：{c.Name}",
            $"您好 {{customer_name}}，「{c.Name}」{code}活动时间为 {dates}。{RuleZh(c)}活动商品以页面标注为准，如有疑问请随时联系我们。");
        yield return (AnswerLanguages.English, $"Campaign: {c.Name}",
            $"Hello {{customer_name}}, \"{c.Name}\"{code} runs {dates}. {RuleEn(c)} The campaign's products are marked on their pages; ask us anything.");
    }

    private static string Yuan(long cents) => (cents / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    private static string RuleZh(Campaign c) => c.Type switch
    {
        CampaignType.SpendSave => string.Join("，", c.Tiers.Select(t => $"满{Yuan(t.ThresholdCents)}减{Yuan(t.SaveCents)}")) + (c.StackTiers ? "（上不封顶，可叠加）。" : "。"),
        CampaignType.GiftWithPurchase => $"活动商品满{Yuan(c.GiftThresholdCents)}元赠品 {c.GiftQuantity} 件，赠完即止。",
        CampaignType.MemberExclusive => $"{c.MemberTier} 及以上会员专享活动价。",
        CampaignType.Launch => "新品上市专享价。",
        _ => "限时折扣价。",
    };

    private static string RuleEn(Campaign c) => c.Type switch
    {
        CampaignType.SpendSave => string.Join(", ", c.Tiers.Select(t => $"spend {Yuan(t.ThresholdCents)} save {Yuan(t.SaveCents)}")) + (c.StackTiers ? " (repeats with every threshold)." : "."),
        CampaignType.GiftWithPurchase => $"Spend {Yuan(c.GiftThresholdCents)} on campaign products for {c.GiftQuantity} free gift(s), while stocks last.",
        CampaignType.MemberExclusive => $"Member prices for {c.MemberTier} members and above.",
        CampaignType.Launch => "Launch prices on the new products.",
        _ => "Limited-time prices.",
    };
}

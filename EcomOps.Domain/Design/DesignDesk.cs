using EcomOps.Domain.Analytics.Optimisation;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Design;

/// <summary>What a requester fills in. A detail page or main images name a listing; a shop home element names a store and its element.</summary>
public sealed class DesignRequestForm
{
    public DesignKind Kind { get; set; } = DesignKind.DetailPage;
    public string Title { get; set; } = "";
    public string Brief { get; set; } = "";
    public string? Specifications { get; set; }
    public DesignPriority Priority { get; set; } = DesignPriority.Normal;
    public DateOnly? DueDate { get; set; }
    public int? ListingId { get; set; }
    public int? ChannelId { get; set; }
    public StoreElement? StoreElement { get; set; }
    public string? Campaign { get; set; }

    /// <summary>The store page's planned refresh this request carries out (done when the design is delivered).</summary>
    public int? StoreRefreshId { get; set; }

    /// <summary>The campaign whose "page and poster" task this request carries out (done when the design is delivered).</summary>
    public int? CampaignId { get; set; }
}

/// <summary>The supervisor's review of the version in review.</summary>
public sealed class DesignReviewForm
{
    public int BrandFit { get; set; }
    public int VisualEffect { get; set; }
    public int Creativity { get; set; }
    public string? Comment { get; set; }
    public bool Approve { get; set; }
}

/// <summary>
/// The design board's moves: operations request, the design supervisor accepts, assigns, returns and reviews, the
/// assignee submits versions, the requester takes delivery and rates the cooperation. Every move checks the actor's
/// permission and <see cref="DesignRules"/>, and is refused from a stale copy (<see cref="OutcomeKind.Conflict"/>:
/// someone else moved the card), with nothing written.
/// </summary>
public sealed class DesignDesk(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public Task<Outcome<int>> RequestAsync(Actor actor, DesignRequestForm form, IReadOnlyList<DesignUpload>? references = null, CancellationToken ct = default) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(Permissions.RequestDesigns))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            var errors = new List<FieldError>();
            if ((references?.Count ?? 0) > DesignRules.MaxReferenceFiles)
            {
                errors.Add(new FieldError(ImageRules.UploadField, DesignErrors.TooManyFiles));
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var target = await CheckFormAsync(db, form, errors, ct);
            var (files, refusal) = errors.Count == 0 && references is { Count: > 0 } ? await DesignUploads.PrepareAsync(references, ct) : ([], null);
            if (refusal is not null)
            {
                errors.Add(refusal);
            }
            if (errors.Count > 0)
            {
                return Outcome<int>.Invalid(errors);
            }
            var me = await EmployeeOfAsync(db, actor, ct);
            var now = time.UtcNow;
            var request = new DesignRequest
            {
                Kind = form.Kind, State = DesignState.Requested, Priority = form.Priority, Title = form.Title.Trim(), Brief = form.Brief.Trim(),
                Specifications = CatalogRules.Blank(form.Specifications), DueDate = form.DueDate!.Value, ListingId = target.ListingId, ChannelId = target.ChannelId,
                StoreElement = target.Element, Campaign = CatalogRules.Blank(form.Campaign), CampaignId = form.CampaignId, RequesterEmployeeId = me?.Id, RequesterUserId = actor.UserId,
                RequesterName = me?.FullName ?? actor.Name, CreatedAtUtc = now, StateChangedAtUtc = now,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(request);
            await db.SaveChangesAsync(ct);
            await AddFilesAsync(db, request.Id, null, files, ct);
            if (form.StoreRefreshId is { } refreshId && await db.StoreRefreshes.FirstOrDefaultAsync(r => r.Id == refreshId && r.DoneAtUtc == null, ct) is { } refresh)
            {
                refresh.DesignRequestId = request.Id;
            }
            if (form.CampaignId is { } campaignId)
            {
                await LinkCampaignTaskAsync(db, campaignId, request.Id, now, ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome<int>.Done(request.Id);
        }, ct);

    /// <summary>The requester's edit of a returned request, which asks the design team again.</summary>
    public Task<Outcome<int>> ResubmitAsync(Actor actor, int id, long version, DesignRequestForm form, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Resubmit, async (db, request) =>
        {
            var errors = new List<FieldError>();
            form.Kind = request.Kind;
            var target = await CheckFormAsync(db, form, errors, ct);
            if (errors.Count > 0)
            {
                return errors;
            }
            request.Title = form.Title.Trim();
            request.Brief = form.Brief.Trim();
            request.Specifications = CatalogRules.Blank(form.Specifications);
            request.Priority = form.Priority;
            request.DueDate = form.DueDate!.Value;
            (request.ListingId, request.ChannelId, request.StoreElement) = (target.ListingId, target.ChannelId, target.Element);
            request.Campaign = CatalogRules.Blank(form.Campaign);
            request.State = DesignState.Requested;
            return null;
        }, ct);

    public Task<Outcome<int>> AcceptAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Accept, To(DesignState.Accepted), ct);

    /// <summary>Gives the request to a designer (or re-assigns it); a request not yet accepted is accepted with it.</summary>
    public Task<Outcome<int>> AssignAsync(Actor actor, int id, long version, int designerEmployeeId, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Assign, async (db, request) =>
        {
            var designer = await db.Employees.AsNoTracking()
                .FirstOrDefaultAsync(e => e.Id == designerEmployeeId && e.Active && (e.Role == Roles.Designer || e.Role == Roles.DesignSupervisor), ct);
            if (designer is null)
            {
                return [new FieldError("DesignerId", DesignErrors.DesignerUnknown)];
            }
            (request.AssigneeEmployeeId, request.AssigneeUserId, request.AssigneeName) = (designer.Id, designer.UserId, designer.FullName);
            if (request.State == DesignState.Requested)
            {
                request.State = DesignState.Accepted;
            }
            return null;
        }, ct);

    public Task<Outcome<int>> ReturnForBriefAsync(Actor actor, int id, long version, string? note, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.ReturnForBrief, (_, request) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(note))
            {
                errors.Add(new FieldError("Note", DesignErrors.NoteRequired));
            }
            CatalogRules.Optional(errors, "Note", note, DesignRequest.MaxNoteLength);
            if (errors.Count > 0)
            {
                return Task.FromResult<List<FieldError>?>(errors);
            }
            request.State = DesignState.Returned;
            request.LastNote = note!.Trim();
            return Task.FromResult<List<FieldError>?>(null);
        }, ct);

    public Task<Outcome<int>> StartAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Start, To(DesignState.InProgress), ct);

    /// <summary>The assignee submits a new version (its files checked and stored, thumbnails made) for review.</summary>
    public async Task<Outcome<int>> SubmitAsync(Actor actor, int id, long version, IReadOnlyList<DesignUpload> files, string? note, CancellationToken ct = default)
    {
        // The files are read and checked once, outside the write's turn: a retry does not read the streams again.
        var refusal = files.Count == 0 ? new FieldError(ImageRules.UploadField, DesignErrors.NoFiles)
            : files.Count > DesignRules.MaxFilesPerVersion ? new FieldError(ImageRules.UploadField, DesignErrors.TooManyFiles) : null;
        IReadOnlyList<PreparedImage> prepared = [];
        if (refusal is null && actor.May(Permissions.WorkDesignTasks))
        {
            (prepared, refusal) = await DesignUploads.PrepareAsync(files, ct);
        }
        return await MoveAsync(actor, id, version, DesignMove.Submit, async (db, request) =>
        {
            var errors = new List<FieldError>();
            CatalogRules.Optional(errors, "Note", note, DesignVersion.MaxNoteLength);
            if (refusal is not null)
            {
                errors.Add(refusal);
            }
            if (errors.Count > 0)
            {
                return errors;
            }
            var me = await EmployeeOfAsync(db, actor, ct);
            var number = 1 + (await db.Set<DesignVersion>().Where(v => v.RequestId == request.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0);
            var submitted = new DesignVersion
            {
                RequestId = request.Id, Number = number, Note = CatalogRules.Blank(note), SubmittedByUserId = actor.UserId, SubmittedByEmployeeId = me?.Id ?? request.AssigneeEmployeeId,
                SubmittedByName = me?.FullName ?? request.AssigneeName ?? actor.Name, SubmittedAtUtc = time.UtcNow,
            };
            db.Add(submitted);
            await db.SaveChangesAsync(ct);
            await AddFilesAsync(db, request.Id, submitted.Id, prepared, ct);
            request.State = DesignState.InReview;
            return null;
        }, ct, transaction: true);
    }

    /// <summary>The supervisor scores the version in review and approves it or asks for changes (one more rework round).</summary>
    public Task<Outcome<int>> ReviewAsync(Actor actor, int id, long version, DesignReviewForm form, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Review, async (db, request) =>
        {
            var errors = new List<FieldError>();
            foreach (var (field, score) in new[] { (nameof(form.BrandFit), form.BrandFit), (nameof(form.VisualEffect), form.VisualEffect), (nameof(form.Creativity), form.Creativity) })
            {
                if (!DesignRules.ScoreInRange(score))
                {
                    errors.Add(new FieldError(field, DesignErrors.ScoreRange));
                }
            }
            CatalogRules.Optional(errors, nameof(form.Comment), form.Comment, DesignReview.MaxCommentLength);
            if (!form.Approve && string.IsNullOrWhiteSpace(form.Comment))
            {
                errors.Add(new FieldError(nameof(form.Comment), DesignErrors.NoteRequired));
            }
            if (errors.Count > 0)
            {
                return errors;
            }
            var latest = await db.Set<DesignVersion>().AsNoTracking().Where(v => v.RequestId == request.Id).OrderByDescending(v => v.Number).FirstAsync(ct);
            db.Add(new DesignReview
            {
                RequestId = request.Id, VersionId = latest.Id, BrandFit = form.BrandFit, VisualEffect = form.VisualEffect, Creativity = form.Creativity,
                Comment = CatalogRules.Blank(form.Comment), Approved = form.Approve, ReviewerUserId = actor.UserId, ReviewerName = actor.Name,
                DesignerEmployeeId = latest.SubmittedByEmployeeId, ReviewedAtUtc = time.UtcNow,
            });
            request.State = form.Approve ? DesignState.Approved : DesignState.ChangesRequested;
            request.LastNote = CatalogRules.Blank(form.Comment);
            if (!form.Approve)
            {
                request.ReworkRounds++;
            }
            return null;
        }, ct);

    /// <summary>
    /// The requester confirms delivery and rates the cooperation. The approved files go where the request was for: a main
    /// image set becomes the listing's product's main images (in the audit trail, uploaded by the request's number), a shop
    /// home element's current asset names the design, and the store page's planned refresh it carried out is done.
    /// </summary>
    public Task<Outcome<int>> DeliverAsync(Actor actor, int id, long version, int cooperationScore, string? comment, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Deliver, async (db, request) =>
        {
            var errors = new List<FieldError>();
            if (!DesignRules.ScoreInRange(cooperationScore))
            {
                errors.Add(new FieldError("CooperationScore", DesignErrors.ScoreRange));
            }
            CatalogRules.Optional(errors, "Comment", comment, DesignRequest.MaxNoteLength);
            if (errors.Count > 0)
            {
                return errors;
            }
            var now = time.UtcNow;
            request.State = DesignState.Delivered;
            request.CooperationScore = cooperationScore;
            request.CooperationComment = CatalogRules.Blank(comment);
            request.DeliveredAtUtc = now;
            request.DeliveredOn = time.Today;
            request.DeliveredByName = actor.Name;
            await AttachAsync(db, request, now, ct);
            return null;
        }, ct, transaction: true);

    public Task<Outcome<int>> CancelAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, DesignMove.Cancel, To(DesignState.Cancelled), ct);

    /// <summary>A move that only changes the state.</summary>
    private static Func<OpsDb, DesignRequest, Task<List<FieldError>?>> To(DesignState state) => (_, request) =>
    {
        request.State = state;
        return Task.FromResult<List<FieldError>?>(null);
    };

    private async Task AttachAsync(OpsDb db, DesignRequest request, DateTime now, CancellationToken ct)
    {
        var approved = await db.Set<DesignVersion>().AsNoTracking().Where(v => v.RequestId == request.Id).OrderByDescending(v => v.Number).FirstAsync(ct);
        if (request.Kind == DesignKind.MainImages && request.ListingId is { } listingId)
        {
            var productId = await db.Listings.Where(l => l.Id == listingId).Select(l => l.ProductId).FirstAsync(ct);
            var files = await db.Set<DesignFile>().AsNoTracking().Where(f => f.VersionId == approved.Id).OrderBy(f => f.Position).Take(ImageRules.MaxPerProduct).ToListAsync(ct);
            var old = await db.ProductImages.Where(i => i.ProductId == productId).ToListAsync(ct);
            db.ProductImages.RemoveRange(old);
            db.ProductImages.AddRange(files.Select((f, position) => new ProductImage
            {
                ProductId = productId, Position = position, BlobHash = f.BlobHash, FileName = f.FileName, Width = f.Width, Height = f.Height,
                UploadedAtUtc = now, UploadedByName = $"{request.Number} · {approved.SubmittedByName}",
            }));
            await db.SaveChangesAsync(ct);
            await ImageStore.DropUnusedAsync(db, [.. old.Select(i => i.BlobHash).Distinct()], ct);
            await ListingFactsReader.RefreshAsync(db, [productId], ct);
        }
        if (request is { Kind: DesignKind.ShopHomeElement, ChannelId: { } channelId, StoreElement: { } element })
        {
            var asset = $"{request.Number} · {request.Title}";
            var current = await db.StorePageElements.FirstOrDefaultAsync(e => e.ChannelId == channelId && e.Element == element, ct);
            if (current is null)
            {
                current = new StorePageElement { ChannelId = channelId, Element = element, Version = 1 };
                db.StorePageElements.Add(current);
            }
            current.CurrentAsset = asset.Length > StorePageElement.MaxAssetLength ? asset[..StorePageElement.MaxAssetLength] : asset;
            current.ChangedAtUtc = now;
        }
        foreach (var refresh in await db.StoreRefreshes.Where(r => r.DesignRequestId == request.Id && r.DoneAtUtc == null).ToListAsync(ct))
        {
            refresh.DoneAtUtc = now;
            refresh.DoneByName = db.Actor.Name;
        }
        // A finding of the optimisation board that asked for this design starts measuring its effect from the delivery day,
        // so its card moves at once rather than at the next daily scan.
        var findings = await db.Set<OptimisationFinding>()
            .Where(f => f.Work == FindingWork.DesignRequest && f.WorkId == request.Id && f.State == FindingState.InProgress).ToListAsync(ct);
        if (findings.Count > 0)
        {
            var thresholds = await OptimisationScan.ThresholdsAsync(db, ct);
            findings.ForEach(f => OptimisationScan.StartMeasuring(f, request.DeliveredOn ?? time.Today, thresholds));
        }
        if (request.CampaignId is { } campaignId && await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct) is { } campaign
            && campaign.Tasks.Any(t => t.DesignRequestId == request.Id && t.DoneAtUtc is null))
        {
            campaign.Tasks = [.. campaign.Tasks.Select(CampaignDesk.Copy).Select(t =>
            {
                if (t.DesignRequestId == request.Id && t.DoneAtUtc is null)
                {
                    (t.DoneAtUtc, t.DoneByName) = (now, $"{request.Number} · {db.Actor.Name}");
                }
                return t;
            })];
            campaign.UpdatedAtUtc = now;
        }
    }

    /// <summary>
    /// The campaign's first open "page and poster" task without a live request is carried out by this one. A request for a
    /// campaign whose tasks are all taken still names it.
    /// </summary>
    private static async Task LinkCampaignTaskAsync(OpsDb db, int campaignId, int requestId, DateTime now, CancellationToken ct)
    {
        var campaign = await db.Campaigns.FirstAsync(c => c.Id == campaignId, ct);
        var linked = campaign.Tasks.Where(t => t.DesignRequestId is not null).Select(t => t.DesignRequestId!.Value).ToList();
        var cancelled = await db.Set<DesignRequest>().AsNoTracking().Where(r => linked.Contains(r.Id) && r.State == DesignState.Cancelled).Select(r => r.Id).ToListAsync(ct);
        var free = campaign.Tasks.FindIndex(t => t.Kind == CampaignTaskKind.PageAndPoster && t.DoneAtUtc is null
            && (t.DesignRequestId is null || cancelled.Contains(t.DesignRequestId.Value)));
        if (free < 0)
        {
            return;
        }
        var tasks = campaign.Tasks.Select(CampaignDesk.Copy).ToList();
        tasks[free].DesignRequestId = requestId;
        campaign.Tasks = tasks;
        // The campaign row itself changes too (its version, and the campaign pages that show it reload).
        campaign.UpdatedAtUtc = now;
    }

    private async Task AddFilesAsync(OpsDb db, int requestId, int? versionId, IReadOnlyList<PreparedImage> files, CancellationToken ct)
    {
        var position = 0;
        foreach (var file in files)
        {
            await ImageStore.AddOnceAsync(db, file.Hash, file.Image, file.Bytes, file.Thumbnail, ct);
            db.Add(new DesignFile
            {
                RequestId = requestId, VersionId = versionId, Position = position++, BlobHash = file.Hash, FileName = file.FileName,
                Width = file.Image.Width, Height = file.Image.Height, Bytes = file.Bytes.Length, UploadedAtUtc = time.UtcNow,
            });
        }
        if (files.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed record Target(int? ListingId, int? ChannelId, StoreElement? Element);

    private async Task<Target> CheckFormAsync(OpsDb db, DesignRequestForm form, List<FieldError> errors, CancellationToken ct)
    {
        CatalogRules.Required(errors, nameof(form.Title), form.Title, DesignRequest.MaxTitleLength);
        if (string.IsNullOrWhiteSpace(form.Brief))
        {
            errors.Add(new FieldError(nameof(form.Brief), DesignErrors.BriefRequired));
        }
        CatalogRules.Optional(errors, nameof(form.Brief), form.Brief, DesignRequest.MaxBriefLength);
        CatalogRules.Optional(errors, nameof(form.Specifications), form.Specifications, DesignRequest.MaxSpecificationsLength);
        CatalogRules.Optional(errors, nameof(form.Campaign), form.Campaign, DesignRequest.MaxCampaignLength);
        if (form.CampaignId is { } campaignId && !await db.Campaigns.AnyAsync(c => c.Id == campaignId
                && c.State != CampaignState.Cancelled && c.State != CampaignState.Ended && c.State != CampaignState.Reviewed, ct))
        {
            errors.Add(new FieldError(nameof(form.Campaign), DesignErrors.CampaignClosed));
        }
        if (form.DueDate is not { } due)
        {
            errors.Add(new FieldError(nameof(form.DueDate), CatalogErrors.Required));
        }
        else if (due < time.Today)
        {
            errors.Add(new FieldError(nameof(form.DueDate), DesignErrors.DueInPast));
        }
        if (!Enum.IsDefined(form.Kind) || !Enum.IsDefined(form.Priority))
        {
            errors.Add(new FieldError(nameof(form.Kind), CatalogErrors.Required));
            return new Target(null, null, null);
        }
        if (DesignRules.IsForListing(form.Kind))
        {
            if (form.ListingId is not { } listingId)
            {
                errors.Add(new FieldError(nameof(form.ListingId), DesignErrors.ListingNeeded));
                return new Target(null, null, null);
            }
            var channel = await db.Listings.AsNoTracking().Where(l => l.Id == listingId).Select(l => (int?)l.ChannelId).FirstOrDefaultAsync(ct);
            if (channel is null)
            {
                errors.Add(new FieldError(nameof(form.ListingId), DesignErrors.ListingUnknown));
            }
            return new Target(listingId, channel, null);
        }
        if (form.Kind == DesignKind.ShopHomeElement)
        {
            if (form.ChannelId is not { } channelId || form.StoreElement is not { } element || !Enum.IsDefined(element)
                || !await db.SalesChannels.AnyAsync(c => c.Id == channelId && c.Active, ct))
            {
                errors.Add(new FieldError(nameof(form.ChannelId), DesignErrors.StoreNeeded));
                return new Target(null, null, null);
            }
            return new Target(null, channelId, element);
        }
        var other = form.ChannelId is { } any && await db.SalesChannels.AnyAsync(c => c.Id == any, ct) ? form.ChannelId : null;
        return new Target(null, other, null);
    }

    private static Task<Employee?> EmployeeOfAsync(OpsDb db, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<Employee?>(null) : db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == actor.UserId, ct);

    /// <summary>
    /// One move: the request as the actor saw it (<paramref name="version"/>), the rules asked, the change applied, saved
    /// once. A stale copy is a conflict whatever the move; a move the rules do not give the actor says why.
    /// </summary>
    private Task<Outcome<int>> MoveAsync(Actor actor, int id, long version, DesignMove move, Func<OpsDb, DesignRequest, Task<List<FieldError>?>> apply,
        CancellationToken ct, bool transaction = false) =>
        WriteRetry.RunAsync(async () =>
        {
            if (!actor.May(PermissionFor(move)))
            {
                return Outcome<int>.Invalid([Actor.NotPermitted]);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            await using var tx = transaction ? await db.Database.BeginTransactionAsync(ct) : null;
            var request = await db.Set<DesignRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (request is null)
            {
                return Outcome<int>.NotFound();
            }
            if (request.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            var lastSubmitter = await db.Set<DesignVersion>().AsNoTracking().Where(v => v.RequestId == id).OrderByDescending(v => v.Number)
                .Select(v => v.SubmittedByUserId).FirstOrDefaultAsync(ct);
            if (!DesignRules.MovesFor(actor, request.State, request.RequesterUserId, request.AssigneeUserId, lastSubmitter).Contains(move))
            {
                return Outcome<int>.Invalid([WhyNot(actor, move, request, lastSubmitter)]);
            }
            var errors = await apply(db, request);
            if (errors is { Count: > 0 })
            {
                return Outcome<int>.Invalid(errors);
            }
            request.StateChangedAtUtc = time.UtcNow;
            var saved = await CatalogDesk.SaveAsync(db, () => request.Id, ct);
            if (saved.Succeeded && tx is not null)
            {
                await tx.CommitAsync(ct);
            }
            return saved;
        }, ct);

    private static string PermissionFor(DesignMove move) => move switch
    {
        DesignMove.Accept or DesignMove.Assign or DesignMove.ReturnForBrief or DesignMove.Review => Permissions.SuperviseDesign,
        DesignMove.Start or DesignMove.Submit => Permissions.WorkDesignTasks,
        DesignMove.Deliver or DesignMove.Resubmit => Permissions.RequestDesigns,
        _ => Permissions.SeeDesignBoard,
    };

    private static FieldError WhyNot(Actor actor, DesignMove move, DesignRequest request, string? lastSubmitter) => move switch
    {
        DesignMove.Review when request.State == DesignState.InReview && actor.UserId is not null && actor.UserId == lastSubmitter => new("State", DesignErrors.OwnWork),
        DesignMove.Start or DesignMove.Submit when request.State is DesignState.Accepted or DesignState.InProgress or DesignState.ChangesRequested => new("State", DesignErrors.NotAssignee),
        DesignMove.Deliver or DesignMove.Resubmit when request.State is DesignState.Approved or DesignState.Returned => new("State", DesignErrors.NotRequester),
        DesignMove.Cancel when DesignRules.IsOpen(request.State) && request.State != DesignState.Approved => Actor.NotPermitted,
        _ => new("State", DesignErrors.NotNow),
    };
}

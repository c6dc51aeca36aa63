using EcomOps.Domain.Data;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Design;

/// <summary>What someone can do to a request on the board or its page.</summary>
public enum DesignMove
{
    Accept,
    Assign,
    ReturnForBrief,
    Start,
    Submit,
    Review,
    Deliver,
    Cancel,

    /// <summary>The requester edits a returned request and asks again.</summary>
    Resubmit,
}

public static class DesignErrors
{
    public const string DueInPast = "DesignDueInPast";
    public const string BriefRequired = "DesignBriefRequired";
    public const string NotNow = "DesignNotNow";
    public const string NotAssignee = "DesignNotAssignee";
    public const string OwnWork = "DesignOwnWork";
    public const string NotRequester = "DesignNotRequester";
    public const string DesignerUnknown = "DesignDesignerUnknown";
    public const string ListingUnknown = "DesignListingUnknown";
    public const string ListingNeeded = "DesignListingNeeded";
    public const string StoreNeeded = "DesignStoreNeeded";
    public const string ScoreRange = "DesignScoreRange";
    public const string NoteRequired = "DesignNoteRequired";
    public const string NoFiles = "DesignNoFiles";
    public const string TooManyFiles = "DesignTooManyFiles";
    public const string CampaignClosed = "DesignCampaignClosed";
}

/// <summary>
/// The board's rules, answered without a database: who may make which move in which state. The desk asks them before
/// each move; pages ask them to show only the buttons that will work.
/// </summary>
public static class DesignRules
{
    /// <summary>A version carries at most this many files (a main-image set, a detail page cut in slices).</summary>
    public const int MaxFilesPerVersion = 12;

    /// <summary>The requester's reference files.</summary>
    public const int MaxReferenceFiles = 6;

    /// <summary>What the designers are working on: their open load.</summary>
    public static readonly DesignState[] OpenForDesigner = [DesignState.Accepted, DesignState.InProgress, DesignState.InReview, DesignState.ChangesRequested];

    /// <summary>States a request has left for good.</summary>
    public static readonly DesignState[] Closed = [DesignState.Delivered, DesignState.Cancelled];

    public static string NumberOf(int id) => $"D{id:D5}";

    public static bool IsOpen(DesignState state) => !Closed.Contains(state);

    public static bool IsOverdue(DateOnly due, DesignState state, DateOnly today) => IsOpen(state) && state != DesignState.Approved && due < today;

    public static bool IsDueToday(DateOnly due, DesignState state, DateOnly today) => IsOpen(state) && state != DesignState.Approved && due == today;

    /// <summary>Whether the kind is for a listing (the catalogue shows its result, and its sales are measured).</summary>
    public static bool IsForListing(DesignKind kind) => kind is DesignKind.DetailPage or DesignKind.MainImages;

    /// <summary>
    /// The moves <paramref name="actor"/> may make on a request in <paramref name="state"/>. The assignee works it, the
    /// supervisor accepts, assigns, returns and reviews (never a version they submitted themselves), the requester takes
    /// delivery and edits a returned one; the requester or the supervisor may cancel an open request.
    /// </summary>
    public static IReadOnlyList<DesignMove> MovesFor(Actor actor, DesignState state, string? requesterUserId, string? assigneeUserId, string? lastSubmitterUserId)
    {
        var moves = new List<DesignMove>();
        var supervisor = actor.May(Permissions.SuperviseDesign);
        var requester = actor.May(Permissions.RequestDesigns) && (actor.UserId == requesterUserId || actor.May(Permissions.ApproveListings) || actor.Roles is null);
        var assignee = actor.May(Permissions.WorkDesignTasks) && actor.UserId is not null && actor.UserId == assigneeUserId || actor.Roles is null && assigneeUserId is not null;
        switch (state)
        {
            case DesignState.Requested:
                if (supervisor)
                {
                    moves.AddRange([DesignMove.Accept, DesignMove.Assign, DesignMove.ReturnForBrief]);
                }
                break;
            case DesignState.Accepted:
                if (supervisor)
                {
                    moves.AddRange([DesignMove.Assign, DesignMove.ReturnForBrief]);
                }
                if (assignee)
                {
                    moves.AddRange([DesignMove.Start, DesignMove.Submit]);
                }
                break;
            case DesignState.InProgress or DesignState.ChangesRequested:
                if (supervisor)
                {
                    moves.Add(DesignMove.Assign);
                }
                if (assignee)
                {
                    moves.Add(DesignMove.Submit);
                }
                break;
            case DesignState.InReview:
                // Nobody approves their own work: a supervisor who designed this version leaves it to another.
                if (supervisor && (actor.UserId is null || actor.UserId != lastSubmitterUserId))
                {
                    moves.Add(DesignMove.Review);
                }
                break;
            case DesignState.Approved:
                if (requester)
                {
                    moves.Add(DesignMove.Deliver);
                }
                break;
            case DesignState.Returned:
                if (requester)
                {
                    moves.Add(DesignMove.Resubmit);
                }
                break;
        }
        if (IsOpen(state) && state != DesignState.Approved && (requester || supervisor))
        {
            moves.Add(DesignMove.Cancel);
        }
        return moves;
    }

    public static bool ScoreInRange(int score) => score is >= 1 and <= 5;
}

using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Design;

/// <summary>
/// The design team's live board: a column per state, the cards every viewer shares (computed once per change for all),
/// and the moves this viewer may make on each. Late and due-today cards carry a coloured edge.
/// </summary>
public sealed partial class DesignBoardPage
{
    private static readonly DesignState[] Columns =
    [
        DesignState.Requested, DesignState.Accepted, DesignState.InProgress, DesignState.InReview, DesignState.ChangesRequested,
        DesignState.Approved, DesignState.Delivered, DesignState.Returned, DesignState.Cancelled,
    ];

    private const int PerColumn = 40;

    private DesignBoard? _board;
    private Actor _actor = new(null, "anonymous", []);
    private bool _mine;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private DesignDesk Desk { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private IEnumerable<DesignCard> Open => _board!.Cards.Where(c => DesignRules.IsOpen(c.State));

    private IEnumerable<DesignCard> Shown => _mine
        ? _board!.Cards.Where(c => c.AssigneeUserId == _actor.UserId || c.RequesterUserId == _actor.UserId)
        : _board!.Cards;

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthState).User);
        // Designers start on their own cards; the supervisor and operations on the whole board.
        _mine = _actor.May(Domain.Org.Permissions.WorkDesignTasks) && !_actor.May(Domain.Org.Permissions.SuperviseDesign);
        await WatchAsync(Board, snapshot => _board = snapshot.Value);
    }

    private static string NextStepKey(IReadOnlyList<DesignMove> moves) =>
        moves.Contains(DesignMove.Review) ? "Design.ReviewIt" : moves.Contains(DesignMove.Submit) ? "Design.UploadVersion"
        : moves.Contains(DesignMove.Deliver) ? "Design.TakeDelivery" : "Design.EditBrief";

    private async Task MoveAsync(DesignCard card, DesignMove move)
    {
        _busy = true;
        try
        {
            var outcome = move switch
            {
                DesignMove.Accept => await Desk.AcceptAsync(_actor, card.Id, card.Version),
                _ => await Desk.StartAsync(_actor, card.Id, card.Version),
            };
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[$"Design.Moved.{move}", card.Number], Severity.Success);
            }
            else
            {
                Snackbar.Add(DesignText.Refusal(L, outcome), Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AssignAsync(DesignCard card)
    {
        var dialog = await Dialogs.ShowAsync<DesignAssignDialog>(L["Design.AssignTitle", card.Number],
            new DialogParameters<DesignAssignDialog> { { d => d.RequestId, card.Id }, { d => d.Version, card.Version }, { d => d.DueDate, card.DueDate } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
    }

    private async Task RequestAsync()
    {
        var dialog = await Dialogs.ShowAsync<DesignRequestDialog>(L["Design.New"], new DialogParameters<DesignRequestDialog>(),
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
    }
}

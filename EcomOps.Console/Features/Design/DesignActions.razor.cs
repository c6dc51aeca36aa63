using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EcomOps.Console.Features.Design;

/// <summary>
/// The request page's moves, as <see cref="DesignRules"/> gives them to this viewer. Each move is made from the version
/// the page shows; when someone else moved the request meanwhile the desk refuses and the page says so and reloads.
/// </summary>
public sealed partial class DesignActions
{
    private static readonly (string Key, string Label)[] Criteria =
        [("brand", "Design.BrandFit"), ("visual", "Design.VisualEffect"), ("creativity", "Design.Creativity")];

    private IReadOnlyList<DesignMove> _moves = [];
    private IReadOnlyList<IBrowserFile> _files = [];
    private IReadOnlyList<FieldError> _errors = [];
    private readonly Dictionary<string, int> _scores = new() { ["brand"] = 0, ["visual"] = 0, ["creativity"] = 0 };
    private string? _note;
    private string? _comment;
    private string? _returnNote;
    private int _cooperation;
    private bool _confirmCancel;
    private bool _busy;
    private int _shownId;
    private long _shownVersion = -1;

    [Parameter, EditorRequired] public DesignDetail Detail { get; set; } = default!;
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    /// <summary>Told after each move: null when it went through, else the reason in the reader's language.</summary>
    [Parameter] public EventCallback<string?> Done { get; set; }

    [Inject] private DesignDesk Desk { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private DesignRequest Request => Detail.Request;

    private bool Scored => _scores.Values.All(DesignRules.ScoreInRange);

    private string WaitingKey => Request.State switch
    {
        DesignState.Delivered => "Design.Waiting.Delivered",
        DesignState.Cancelled => "Design.Waiting.Cancelled",
        DesignState.Approved => "Design.Waiting.Requester",
        DesignState.Returned => "Design.Waiting.Requester",
        DesignState.InReview => "Design.Waiting.Review",
        DesignState.Requested => "Design.Waiting.Supervisor",
        _ => "Design.Waiting.Designer",
    };

    protected override void OnParametersSet()
    {
        _moves = DesignRules.MovesFor(Actor, Request.State, Request.RequesterUserId, Request.AssigneeUserId, Detail.LastSubmitterUserId);
        // A new state of the request (this viewer's move or someone else's) starts the forms afresh.
        if (_shownId != Request.Id || _shownVersion != Request.Version)
        {
            (_shownId, _shownVersion) = (Request.Id, Request.Version);
            _files = [];
            _note = _comment = _returnNote = null;
            _cooperation = 0;
            _confirmCancel = false;
            foreach (var key in _scores.Keys.ToList())
            {
                _scores[key] = 0;
            }
        }
    }

    private bool Has(DesignMove move) => _moves.Contains(move);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? L[$"Error.{e.Code}"].Value : null;

    private Task AcceptAsync() => RunAsync(() => Desk.AcceptAsync(Actor, Request.Id, Request.Version), "Design.Moved.Accept");

    private Task StartAsync() => RunAsync(() => Desk.StartAsync(Actor, Request.Id, Request.Version), "Design.Moved.Start");

    private Task SubmitAsync() => RunAsync(() => Desk.SubmitAsync(Actor, Request.Id, Request.Version, DesignText.Uploads(_files), _note), "Design.Moved.Submit");

    private Task ReviewAsync(bool approve) => RunAsync(() => Desk.ReviewAsync(Actor, Request.Id, Request.Version, new DesignReviewForm
    {
        BrandFit = _scores["brand"], VisualEffect = _scores["visual"], Creativity = _scores["creativity"], Comment = _comment, Approve = approve,
    }), approve ? "Design.Moved.Approve" : "Design.Moved.Changes");

    private Task DeliverAsync() => RunAsync(() => Desk.DeliverAsync(Actor, Request.Id, Request.Version, _cooperation, _comment), "Design.Moved.Deliver");

    private Task ReturnAsync() => RunAsync(() => Desk.ReturnForBriefAsync(Actor, Request.Id, Request.Version, _returnNote), "Design.Moved.Return");

    private async Task CancelAsync()
    {
        if (!_confirmCancel)
        {
            _confirmCancel = true;
            return;
        }
        await RunAsync(() => Desk.CancelAsync(Actor, Request.Id, Request.Version), "Design.Moved.Cancel");
    }

    private async Task AssignAsync()
    {
        var dialog = await Dialogs.ShowAsync<DesignAssignDialog>(L["Design.AssignTitle", Request.Number],
            new DialogParameters<DesignAssignDialog> { { d => d.RequestId, Request.Id }, { d => d.Version, Request.Version }, { d => d.DueDate, Request.DueDate } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await Done.InvokeAsync(null);
        }
    }

    private async Task ResubmitAsync()
    {
        var dialog = await Dialogs.ShowAsync<DesignRequestDialog>(L["Design.EditBrief"], new DialogParameters<DesignRequestDialog> { { d => d.Resubmit, Detail } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await Done.InvokeAsync(null);
        }
    }

    private async Task RunAsync(Func<Task<Outcome<int>>> move, string doneKey)
    {
        _busy = true;
        try
        {
            var outcome = await move();
            _errors = outcome.Errors;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[doneKey, Request.Number], Severity.Success);
                await Done.InvokeAsync(null);
            }
            else
            {
                await Done.InvokeAsync(DesignText.Refusal(L, outcome));
            }
        }
        finally
        {
            _busy = false;
        }
    }
}

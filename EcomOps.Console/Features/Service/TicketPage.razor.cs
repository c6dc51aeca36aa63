using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Service;

public sealed partial class TicketPage
{
    private Ticket? _ticket;
    private IReadOnlyList<SlaTargetStatus> _targets = [];
    private bool _notFound;
    private bool _conflict;
    private bool _busy;
    private string? _draft;
    private string? _composeError;
    private string? _mergeInto;
    private string? _mergeError;
    private string? _changedBy;
    private TicketStatus _statusAfterReply = TicketStatus.PendingCustomer;
    private Actor _actor = Actor.System;
    private readonly Guid _presenceKey = Guid.NewGuid();
    private IReadOnlyList<Live.TicketViewer> _viewers = [];
    private int? _presentOn;
    private IReadOnlyDictionary<long, EcomOps.Domain.Service.Mail.EntryMail> _mails = new Dictionary<long, EcomOps.Domain.Service.Mail.EntryMail>();
    private IReadOnlyDictionary<long, EcomOps.Domain.Service.Mail.MailSendState> _sends = new Dictionary<long, EcomOps.Domain.Service.Mail.MailSendState>();
    private EcomOps.Domain.Service.Contact.WebContact? _webContact;

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private TicketQueue Queue { get; set; } = default!;

    [Inject]
    private EcomOps.Domain.Service.Contact.ContactDesk WebContacts { get; set; } = default!;

    [Inject]
    private TicketDesk Desk { get; set; } = default!;

    [Inject]
    private EcomOps.Domain.Service.Mail.MailboxDesk Mailboxes { get; set; } = default!;

    [Inject]
    private EcomOps.Domain.Service.Mail.MailOutbox MailOutbox { get; set; } = default!;

    [Inject]
    private ServiceSla Sla { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private EcomOps.Domain.Service.Surveys.SurveySettings SurveyLinks { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private Live.TicketPresence Presence { get; set; } = default!;

    [Inject]
    private Live.CircuitKey Circuit { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Tickets, Boards.Presence];

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthState).User;
        _actor = Actor.From(user);
        await LoadAsync();
        if (_presentOn != Id)
        {
            if (_presentOn is { } previous)
            {
                Presence.Leave(previous, _presenceKey);
            }
            Presence.Join(Id, _presenceKey, Auth.OpsClaims.DisplayName(user), Circuit.Id);
            _presentOn = Id;
        }
        _viewers = Presence.ViewersOf(Id, _presenceKey);
    }

    protected override void OnDisposing()
    {
        if (_presentOn is { } ticketId)
        {
            Presence.Leave(ticketId, _presenceKey);
        }
    }

    private void DraftChanged(string? text)
    {
        _draft = text;
        Presence.Typed(Id, _presenceKey);
    }

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        if (change.Key != Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && !change.IsResync)
        {
            return;
        }
        if (change.Entity == Live.TicketPresence.Entity || (change.IsResync && change.Board == Boards.Presence))
        {
            _viewers = Presence.ViewersOf(Id, _presenceKey);
            return;
        }
        if (_busy)
        {
            return;
        }
        var before = _ticket?.Version;
        await LoadAsync();
        if (before is not null && _ticket?.Version != before)
        {
            _changedBy = L["Ticket.UpdatedLive"];
        }
    }

    private async Task LoadAsync()
    {
        _ticket = await Queue.FindAsync(Id);
        _notFound = _ticket is null;
        if (_ticket is { Channel: TicketChannel.Email })
        {
            _mails = await Mailboxes.EntryMailsAsync(_actor, Id);
            _sends = await MailOutbox.StatesAsync(Id);
        }
        if (_ticket is { Channel: TicketChannel.OnlineChat } && _webContact is null)
        {
            _webContact = await WebContacts.OfTicketAsync(Id);
        }
        // The page shows the same projection the queue sorts by, computed on a copy that is never saved.
        _targets = _ticket is null ? [] : Sla.Project(_ticket, Clock.GetUtcNow().UtcDateTime);
    }

    private Task ReplyAsync() => SendAsync(version => Desk.ReplyAsync(_actor, Id, _draft ?? "", version, _statusAfterReply), L["Ticket.Replied"]);

    private Task AddNoteAsync() => SendAsync(version => Desk.AddNoteAsync(_actor, Id, _draft ?? "", version), L["Ticket.Noted"]);

    private async Task SendAsync(Func<long, Task<Outcome<long>>> send, string done)
    {
        _composeError = null;
        var outcome = await RunAsync(send);
        if (outcome?.Kind == OutcomeKind.Invalid)
        {
            _composeError = L[$"Error.{outcome.Errors[0].Code}"];
        }
        else if (outcome?.Succeeded == true)
        {
            _draft = null;
            Snackbar.Add(done, Severity.Success);
        }
    }

    /// <summary>A standard answer, filled in for this ticket: it starts the draft, or follows what is already written.</summary>
    private void InsertAnswer(string text)
    {
        _draft = string.IsNullOrWhiteSpace(_draft) ? text : $"{_draft.TrimEnd()}\n{text}";
        StateHasChanged();
    }

    private Task ChangeStatusAsync(TicketStatus status) =>
        RunAsync(version => status == TicketStatus.Open && _ticket!.Status is TicketStatus.Solved or TicketStatus.Closed
            ? Desk.ReopenAsync(_actor, Id, version)
            : Desk.ChangeStatusAsync(_actor, Id, status, version));

    private Task ChangePriorityAsync(TicketPriority priority) => RunAsync(version => Desk.ChangePriorityAsync(_actor, Id, priority, version));

    private async Task ClaimAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Desk.ClaimAsync(_actor, Id);
            if (outcome.Value is { Claimed: false } lost)
            {
                Snackbar.Add(L["Queue.TakenBy", _ticket!.Number, lost.HeldBy ?? "?"], Severity.Warning);
            }
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MergeAsync()
    {
        _mergeError = null;
        var target = TicketQueue.TryTicketId((_mergeInto ?? "").Trim());
        var outcome = await RunAsync(version => Desk.MergeAsync(_actor, Id, target, version));
        if (outcome?.Kind == OutcomeKind.Invalid)
        {
            _mergeError = L[$"Error.{outcome.Errors[0].Code}"];
        }
    }

    /// <summary>Runs a change against the version on screen; a stale version is reported, never overwritten.</summary>
    private async Task<Outcome<long>?> RunAsync(Func<long, Task<Outcome<long>>> change)
    {
        if (_ticket is null)
        {
            return null;
        }
        _busy = true;
        try
        {
            var outcome = await change(_ticket.Version);
            _conflict = outcome.Kind == OutcomeKind.Conflict;
            if (outcome.Kind != OutcomeKind.Invalid)
            {
                _changedBy = null;
                await LoadAsync();
            }
            return outcome;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>How the deadline was computed: when the clock started, what it counted, what it paused.</summary>
    private string Explain(SlaTargetStatus target) => L[
        target.Explanation.Mode == SlaTimeMode.BusinessHours ? "Sla.ExplainBusiness" : "Sla.ExplainCalendar",
        Format.DateTime(target.StartedAtUtc),
        Math.Round(target.Explanation.TargetMinutes),
        Math.Round(target.ElapsedOpenMinutes),
        Math.Round(target.PausedMinutes),
        Math.Round(target.RemainingMinutes)];
}

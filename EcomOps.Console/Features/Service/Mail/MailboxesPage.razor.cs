using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Mail;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Service.Mail;

/// <summary>
/// The CS supervisor's mailboxes: each with its last fetch (when, how many, or why it failed), added and edited here
/// (passwords are never shown again: an empty one keeps the stored one), tried before saving; the messages that could
/// not be read, with their originals; and the senders held back by the rate limit.
/// </summary>
public sealed partial class MailboxesPage
{
    private IReadOnlyList<MailboxRow> _rows = null!;
    private IReadOnlyList<UnreadableMail> _unreadable = [];
    private IReadOnlyList<ThrottledSender> _throttled = [];
    private MailboxForm? _form;
    private int? _editingId;
    private long _editingVersion;
    private IReadOnlyList<FieldError> _errors = [];
    private ConnectionTest? _test;
    private bool _busy;
    private bool _fetching;
    private bool _conflict;
    private Actor _actor = Actor.System;

    [Inject] private MailboxDesk Desk { get; set; } = default!;
    [Inject] private MailFetcher Fetcher { get; set; } = default!;
    [Inject] private MailSettings Settings { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await Auth).User);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _rows = await Desk.ListAsync(_actor);
        _unreadable = await Desk.UnreadableAsync(_actor);
        _throttled = await Desk.ThrottledAsync(_actor, Clock.GetUtcNow().UtcDateTime.AddDays(-7));
    }

    private string? ErrorFor(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[$"Error.{error.Code}"].Value : null;

    private void StartAdd()
    {
        (_form, _editingId, _editingVersion, _errors, _test, _conflict) = (new MailboxForm(), null, 0, [], null, false);
    }

    private async Task StartEditAsync(MailboxRow row)
    {
        _form = await Desk.FormAsync(_actor, row.Id);
        (_editingId, _editingVersion, _errors, _test, _conflict) = (row.Id, row.Version, [], null, false);
    }

    private void Cancel() => _form = null;

    private async Task TestAsync()
    {
        if (_form is null)
        {
            return;
        }
        _busy = true;
        try
        {
            _test = await Desk.TestAsync(_actor, _editingId, _form);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        if (_form is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var saved = await Desk.SaveAsync(_actor, _editingId, _editingVersion, _form);
            if (saved.Kind == OutcomeKind.Conflict)
            {
                _conflict = true;
                return;
            }
            _errors = saved.Errors;
            if (!saved.Succeeded)
            {
                return;
            }
            Snackbar.Add(L["Mailboxes.Saved", _form.Name], Severity.Success);
            _form = null;
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task FetchNowAsync()
    {
        _fetching = true;
        try
        {
            var results = await Fetcher.FetchAllAsync();
            Snackbar.Add(L["Mailboxes.Fetched", results.Sum(r => r.Filed)], results.Any(r => r.Error is not null) ? Severity.Warning : Severity.Success);
            await ReloadAsync();
        }
        finally
        {
            _fetching = false;
        }
    }
}

using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Answers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Service.Answers;

/// <summary>
/// The standard-answer library. Agents read the approved answers and propose new ones; supervisors (who may
/// curate) see every status, edit, approve and retire, and see which answers are used most and which never.
/// </summary>
public sealed partial class AnswersPage
{
    private MudTable<AnswerRow>? _table;
    private string? _search;
    private string? _category;
    private string? _language;
    private AnswerStatus? _status;
    private bool _canCurate;
    private Actor _actor = Actor.System;
    private IReadOnlyList<AnswerRow> _mostUsed = [];
    private IReadOnlyList<AnswerRow> _neverUsed = [];

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private AnswerLibrary Library { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _actor = Actor.From(user);
        _canCurate = (await Authorization.AuthorizeAsync(user, Permissions.SuperviseService)).Succeeded;
    }

    private async Task<TableData<AnswerRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        // Agents see only what they may use: approved answers.
        var status = _canCurate ? _status : AnswerStatus.Approved;
        var page = await Library.SearchAsync(new AnswerQuery(_search, _category, _language, status, state.Page * state.PageSize, state.PageSize), ct);
        return new TableData<AnswerRow> { Items = page.Items, TotalItems = page.Total };
    }

    private Task SearchChanged(string? value) { _search = value; return ReloadAsync(); }
    private Task CategoryChanged(string? value) { _category = value; return ReloadAsync(); }
    private Task LanguageChanged(string? value) { _language = value; return ReloadAsync(); }
    private Task StatusChanged(AnswerStatus? value) { _status = value; return ReloadAsync(); }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task TabChangedAsync(int index)
    {
        if (index == 1)
        {
            _mostUsed = await Library.MostUsedAsync();
        }
        else if (index == 2)
        {
            _neverUsed = await Library.NeverUsedAsync();
        }
    }

    private Task NewAsync() => OpenEditorAsync(null, _canCurate ? L["Answers.New"] : L["Answers.ProposeNew"]);

    private Task EditAsync(AnswerRow row) => OpenEditorAsync(row, L["Answers.EditTitle", row.Title]);

    private async Task OpenEditorAsync(AnswerRow? row, string title)
    {
        var parameters = new DialogParameters<AnswerEditor> { { e => e.Existing, row }, { e => e.Proposing, !_canCurate } };
        var dialog = await Dialogs.ShowAsync<AnswerEditor>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: AnswerRow saved })
        {
            Snackbar.Add(row is not null ? L["Answers.Saved", saved.Title] : _canCurate ? L["Answers.Created", saved.Title] : L["Answers.Proposed"], Severity.Success);
            await ReloadAsync();
        }
    }

    private Task ApproveAsync(AnswerRow row) => ChangeStatusAsync(row, Library.ApproveAsync(_actor, row.Id, row.Version), L["Answers.Approved", row.Title]);

    private Task RetireAsync(AnswerRow row) => ChangeStatusAsync(row, Library.RetireAsync(_actor, row.Id, row.Version), L["Answers.Retired", row.Title]);

    private async Task ChangeStatusAsync(AnswerRow row, Task<Outcome<AnswerRow>> change, string done)
    {
        var outcome = await change;
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                Snackbar.Add(done, Severity.Success);
                break;
            case OutcomeKind.Conflict:
                Snackbar.Add(L["Answers.ChangedReload", row.Title], Severity.Warning);
                break;
            case OutcomeKind.NotFound:
                Snackbar.Add(L["Answers.Gone"], Severity.Warning);
                break;
            default:
                Snackbar.Add(string.Join(" ", outcome.Errors.Select(e => L[$"Error.{e.Code}"].Value)), Severity.Warning);
                break;
        }
        await ReloadAsync();
    }

    private static Color StatusColor(AnswerStatus status) => status switch
    {
        AnswerStatus.Approved => Color.Success,
        AnswerStatus.Proposed => Color.Info,
        _ => Color.Default,
    };
}

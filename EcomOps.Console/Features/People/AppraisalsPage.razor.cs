using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.People;

/// <summary>
/// Appraisal cycles: each cycle's people with their step, scores, grades and bonus coefficients, the team's distribution
/// and the forced-distribution warning (for the team's head and the director), opening and closing cycles, the export;
/// a person's history; the improvement plans due.
/// </summary>
public sealed partial class AppraisalsPage
{
    private IReadOnlyList<CycleRow>? _cycles;
    private CycleView? _view;
    private IReadOnlyList<GoalRow>? _plans;
    private IReadOnlyList<AppraisalRow>? _history;
    private List<(int Id, string Name)> _historyPeople = [];
    private int? _historyPerson;
    private int? _cycleId;
    private int _tab;
    private bool _busy;
    private bool _isDirector;
    private Actor _actor = Actor.System;
    private Employee? _me;
    private List<Team> _openTeams = [];
    private Team _openTeam;
    private AppraisalFrequency _openFrequency = AppraisalFrequency.Monthly;
    private DateTime? _openDay;
    private DateOnly _today;

    [Inject] private AppraisalQueries Queries { get; set; } = default!;
    [Inject] private AppraisalDesk Desk { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "cycle")]
    private int? CycleQuery { get; set; }

    protected override IReadOnlyList<string> LiveBoards => [Boards.Appraisals];

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthState).User);
        _me = await Queries.MeAsync(_actor);
        _today = Time.Today;
        _openDay = _today.ToDateTime(TimeOnly.MinValue);
        _isDirector = AppraisalPolicy.IsDirector(_actor);
        _openTeams = [.. Enum.GetValues<Team>().Where(t => AppraisalPolicy.MayOpen(_actor, _me, t))];
        _openTeam = _openTeams.FirstOrDefault();
        await LoadAsync(CycleQuery);
    }

    protected override async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes) => await LoadAsync(_cycleId);

    private async Task LoadAsync(int? cycleId)
    {
        _cycles = await Queries.CyclesAsync(_actor);
        // The newest open cycle first, else the newest.
        _cycleId = _cycles.Any(c => c.Id == cycleId) ? cycleId : (_cycles.FirstOrDefault(c => c.ClosedAtUtc is null) ?? _cycles.FirstOrDefault())?.Id;
        _view = _cycleId is { } id ? await Queries.CycleAsync(_actor, id) : null;
        _plans = await Queries.PlansDueAsync(_actor);
        _historyPeople = _view?.MayLead == true
            ? [.. _view.Rows.Select(r => (r.EmployeeId, r.EmployeeName))]
            : _me is null ? [] : [(_me.Id, _me.FullName)];
        _historyPerson = _historyPeople.Any(p => p.Id == _historyPerson) ? _historyPerson : _historyPeople.Select(p => (int?)p.Id).FirstOrDefault();
        _history = _historyPerson is { } person ? await Queries.HistoryAsync(_actor, person) : null;
    }

    private async Task CycleChangedAsync(int? id)
    {
        _view = null;
        await LoadAsync(id);
    }

    private async Task HistoryPersonChangedAsync(int? person)
    {
        _historyPerson = person;
        _history = person is { } p ? await Queries.HistoryAsync(_actor, p) : null;
    }

    private string CycleName(CycleRow c) =>
        $"{L[$"Team.{c.Team}"]} · {L[$"AppraisalFrequency.{c.Frequency}"]} · {Format.DayRange(c.PeriodStart, c.PeriodEnd)}" +
        (c.ClosedAtUtc is null ? "" : $" · {L["Appraisals.ClosedMark"]}");

    private string Points(double? points) => points is { } p ? p.ToString("0.0", Format.Culture) : "—";

    private async Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct) =>
        await Queries.ExportAsync(_actor, _cycleId ?? 0, text, ct) ?? throw new InvalidOperationException("The cycle is not the reader's to export.");

    private Task OpenAsync() =>
        RunAsync(() => Desk.OpenCycleAsync(_actor, _openTeam, _openFrequency, _openDay is { } d ? DateOnly.FromDateTime(d) : _today), "Appraisals.Opened", select: true);

    private Task RefreshAsync() => RunAsync(() => Desk.RefreshFiguresAsync(_actor, _cycleId!.Value), "Appraisals.Refreshed");

    private Task CloseAsync() => RunAsync(() => Desk.CloseCycleAsync(_actor, _view!.Cycle.Id, _view.Cycle.Version), "Appraisals.Closed");

    private async Task RunAsync(Func<Task<Outcome<int>>> operation, string doneKey, bool select = false)
    {
        _busy = true;
        try
        {
            var outcome = await operation();
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
                await LoadAsync(select ? outcome.Value : _cycleId);
            }
            else
            {
                Snackbar.Add(TrainingText.Refusal(outcome, L), Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}

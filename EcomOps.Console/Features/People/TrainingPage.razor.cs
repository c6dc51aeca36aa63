using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcomOps.Console.Features.People;

/// <summary>Training: sessions (upcoming first), each team's annual plan against what was done, and the records the reader may open.</summary>
public sealed partial class TrainingPage
{
    private IReadOnlyList<SessionRow>? _sessions;
    private IReadOnlyList<PlanRow>? _plans;
    private Dictionary<Team, IReadOnlyList<PlanMonth>> _progress = [];
    private IReadOnlyList<EmployeePick>? _people;
    private Employee? _me;
    private Actor _actor = Actor.System;
    private Team? _team;
    private int _year;
    private int _thisYear;
    private int _tab;
    private string? _search;
    private bool _mayPlan;
    private bool _mayApprove;
    private DateTime _now;

    [Inject] private TrainingQueries Queries { get; set; } = default!;
    [Inject] private TrainingDesk Desk { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "year")]
    private int? YearQuery { get; set; }

    protected override IReadOnlyList<string> LiveBoards => [Boards.Training];

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthState).User);
        _thisYear = Time.Today.Year;
        _year = YearQuery is { } y && Math.Abs(y - _thisYear) <= 1 ? y : _thisYear;
        _mayPlan = _actor.May(Permissions.PlanTraining);
        _mayApprove = _actor.May(Permissions.ApproveTrainingPlans);
        _me = await Queries.MeAsync(_actor);
        _tab = YearQuery is null ? 0 : 1;
        await LoadAsync();
        _people = await Queries.VisiblePeopleAsync(_actor);
    }

    protected override async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes) => await LoadAsync();

    private bool Leads(Team team) => TrainingRules.Leads(_actor, _me, team) && _mayPlan;

    private async Task LoadAsync()
    {
        _now = Time.UtcNow;
        var from = Time.ToUtc(new DateTime(_year, 1, 1));
        var to = Time.ToUtc(new DateTime(_year + 1, 1, 1));
        var sessions = await Queries.SessionsAsync(_team, from, to);
        // What is coming first (soonest first), then what was (latest first).
        _sessions = [.. sessions.Where(s => s.StartsAtUtc >= _now), .. sessions.Where(s => s.StartsAtUtc < _now).Reverse()];
        _plans = await Queries.PlansAsync(_year);
        var progress = new Dictionary<Team, IReadOnlyList<PlanMonth>>();
        foreach (var plan in _plans)
        {
            progress[plan.Team] = await Queries.ProgressAsync(plan.Team, _year);
        }
        _progress = progress;
    }

    private async Task YearChangedAsync(int year)
    {
        _year = year;
        await LoadAsync();
    }

    private async Task TeamChangedAsync(Team? team)
    {
        _team = team;
        await LoadAsync();
    }

    private bool MatchesSearch(EmployeePick person) =>
        string.IsNullOrWhiteSpace(_search) || person.Name.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase) || person.EmployeeNumber.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task ScheduleAsync()
    {
        var dialog = await Dialogs.ShowAsync<ScheduleSessionDialog>(L["Training.Schedule"],
            new DialogParameters<ScheduleSessionDialog> { { d => d.Year, _year }, { d => d.DefaultTeam, _me?.Team ?? Team.Operations } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: int id })
        {
            Snackbar.Add(L["Training.Scheduled"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditPlanAsync(Team team, PlanRow? plan)
    {
        var dialog = await Dialogs.ShowAsync<PlanDialog>(L["Training.PlanOf", L[$"Team.{team}"], _year],
            new DialogParameters<PlanDialog> { { d => d.Team, team }, { d => d.Year, _year }, { d => d.Plan, plan } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Training.PlanSaved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SubmitAsync(PlanRow plan) => Show(await Desk.SubmitPlanAsync(_actor, plan.Id, plan.Version), "Training.PlanSubmitted");

    private async Task ApproveAsync(PlanRow plan) => Show(await Desk.ApprovePlanAsync(_actor, plan.Id, plan.Version), "Training.PlanApproved");

    private void Show<T>(Outcome<T> outcome, string doneKey)
    {
        if (outcome.Succeeded)
        {
            Snackbar.Add(L[doneKey], Severity.Success);
        }
        else
        {
            Snackbar.Add(TrainingText.Refusal(outcome, L), Severity.Warning);
        }
    }
}

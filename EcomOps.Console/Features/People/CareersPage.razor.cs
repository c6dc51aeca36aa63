using EcomOps.Console.Localization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace EcomOps.Console.Features.People;

/// <summary>
/// Careers: the paths per role, promotion proposals with the person's training record beside each (a team's lead
/// proposes the next step, the director approves or rejects), and rotations between posts.
/// </summary>
public sealed partial class CareersPage
{
    private IReadOnlyList<CareerStepRow>? _steps;
    private IReadOnlyList<ProposalRow>? _proposals;
    private IReadOnlyList<RotationRow>? _rotations;
    private Dictionary<int, TrainingRecord> _records = [];
    private IReadOnlyList<EmployeePick> _people = [];
    private IReadOnlyList<string> _nextRoles = [];
    private Dictionary<int, string> _roles = [];
    private Employee? _me;
    private Actor _actor = Actor.System;
    private bool _mayPropose;
    private bool _mayApprove;
    private bool _busy;
    private int? _proposeWho;
    private string? _proposeRole;
    private string? _proposeReason;
    private int? _rotateWho;
    private string _rotateTo = "";
    private DateTime? _rotateFrom;
    private DateTime? _rotateUntil;

    [Inject] private CareerDesk Careers { get; set; } = default!;
    [Inject] private TrainingQueries Queries { get; set; } = default!;
    [Inject] private EmployeeDirectory Directory { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Training, Boards.Org];

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthState).User);
        _me = await Queries.MeAsync(_actor);
        _mayApprove = _actor.May(Permissions.ApprovePromotions);
        _mayPropose = _actor.May(Permissions.ProposePromotions);
        await LoadAsync();
    }

    protected override async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes) => await LoadAsync();

    private async Task LoadAsync()
    {
        _steps = await Careers.PathsAsync();
        _proposals = await Careers.ProposalsAsync(_actor);
        _rotations = await Careers.RotationsAsync(_actor);
        var records = new Dictionary<int, TrainingRecord>();
        foreach (var id in _proposals.Where(p => p.State == ProposalState.Proposed).Select(p => p.EmployeeId).Distinct())
        {
            if (await Queries.RecordAsync(_actor, id) is { } record)
            {
                records[id] = record;
            }
        }
        _records = records;
        if (_mayPropose)
        {
            var visible = await Queries.VisiblePeopleAsync(_actor);
            _people = [.. visible.Where(p => TrainingRules.Leads(_actor, _me, p.Team))];
            _roles = (await Directory.SearchAsync(new EmployeeQuery(Active: true, Take: 500))).Items.ToDictionary(e => e.Id, e => e.Role);
        }
    }

    private void ProposeWhoChanged(int? id)
    {
        _proposeWho = id;
        _nextRoles = id is { } who && _roles.TryGetValue(who, out var role) ? CareerDesk.NextRoles(_steps!, role) : [];
        _proposeRole = _nextRoles.FirstOrDefault();
    }

    private async Task RunAsync(Func<Task<Outcome<int>>> operation, string doneKey)
    {
        _busy = true;
        try
        {
            var outcome = await operation();
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
                await LoadAsync();
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

    private Task ProposeAsync() => RunAsync(async () =>
    {
        var outcome = await Careers.ProposeAsync(_actor, _proposeWho!.Value, _proposeRole!, _proposeReason);
        if (outcome.Succeeded)
        {
            (_proposeWho, _proposeRole, _proposeReason, _nextRoles) = (null, null, null, []);
        }
        return outcome;
    }, "Careers.Proposed");

    /// <summary>The minimum the director is typing for a step, else the stored one.</summary>
    private readonly Dictionary<int, decimal?> _minimums = [];

    private decimal? MinimumOf(CareerStepRow step) => _minimums.TryGetValue(step.Id, out var typed) ? typed : step.MinAppraisalScore;

    private async Task SaveMinimumAsync(CareerStepRow step)
    {
        _busy = true;
        try
        {
            var outcome = await Careers.SetMinimumAppraisalAsync(_actor, step.Id, MinimumOf(step), step.Version);
            Snackbar.Add(outcome.Succeeded ? L["Careers.MinimumSaved", L[$"Role.{step.Role}"]] : TrainingText.Refusal(outcome, L), outcome.Succeeded ? Severity.Success : Severity.Warning);
            if (outcome.Succeeded)
            {
                _minimums.Remove(step.Id);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task DecideAsync(ProposalRow proposal, bool approve) =>
        RunAsync(() => Careers.DecideAsync(_actor, proposal.Id, proposal.Version, approve, null), approve ? "Careers.Approved" : "Careers.Rejected");

    private Task RotateAsync() => RunAsync(() => Careers.AddRotationAsync(_actor, _rotateWho!.Value, _rotateTo,
        _rotateFrom is { } from ? DateOnly.FromDateTime(from) : null, _rotateUntil is { } until ? DateOnly.FromDateTime(until) : null), "Careers.RotationAdded");
}

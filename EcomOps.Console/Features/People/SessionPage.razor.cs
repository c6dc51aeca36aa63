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

/// <summary>
/// A session: its facts, enrolment (oneself, or the team's people by its lead; a waiting list past the capacity), moving
/// and cancelling by the lead, attendance and results by the trainer or the lead once it has started, and the
/// attendee's own feedback once attendance is taken.
/// </summary>
public sealed partial class SessionPage
{
    private SessionDetail? _detail;
    private bool _missing;
    private bool _busy;
    private bool _mayMark;
    private DateTime _now;
    private Actor _actor = Actor.System;
    private IReadOnlyList<EmployeePick> _team = [];
    private int? _enrolWho;
    private DateTime? _moveTo;
    private Dictionary<int, bool> _attended = [];
    private Dictionary<int, int?> _scores = [];
    private Dictionary<int, bool?> _passed = [];
    private HashSet<int> _resultError = [];
    private int _rating;
    private string? _comment;

    [Parameter] public int Id { get; set; }

    [Inject] private TrainingQueries Queries { get; set; } = default!;
    [Inject] private TrainingDesk Desk { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Training];

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthState).User);
        await LoadAsync(resetInputs: true);
        if (_detail is { MayLead: true })
        {
            _team = [.. (await Queries.VisiblePeopleAsync(_actor)).Where(p => p.Team == _detail.Row.Team)];
        }
    }

    protected override async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes)
    {
        if (changes.Any(c => c.IsResync || c.Entity is nameof(TrainingSession) or nameof(TrainingEnrolment)))
        {
            await LoadAsync(resetInputs: false);
        }
    }

    private async Task LoadAsync(bool resetInputs)
    {
        _now = Time.UtcNow;
        _detail = await Queries.SessionAsync(_actor, Id);
        _missing = _detail is null;
        if (_detail is null)
        {
            return;
        }
        _mayMark = _detail.MayLead || _detail.IsTrainer;
        if (resetInputs || _attended.Count == 0)
        {
            _attended = _detail.Enrolments.ToDictionary(e => e.Id, e => e.Attended ?? false);
            _scores = _detail.Enrolments.ToDictionary(e => e.Id, e => e.Score);
            _passed = _detail.Enrolments.ToDictionary(e => e.Id, e => e.Passed);
            var mine = _detail.Enrolments.FirstOrDefault(e => e.EmployeeId == _detail.MyEmployeeId);
            (_rating, _comment) = (mine?.FeedbackRating ?? 0, mine?.FeedbackComment);
        }
    }

    private async Task RunAsync<T>(Func<Task<Outcome<T>>> operation, string doneKey, Func<T, string>? done = null)
    {
        _busy = true;
        try
        {
            var outcome = await operation();
            if (outcome.Succeeded)
            {
                Snackbar.Add(done is null ? L[doneKey] : done(outcome.Value!), Severity.Success);
                await LoadAsync(resetInputs: true);
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

    private Task EnrolAsync(int employeeId) =>
        RunAsync(() => Desk.EnrolAsync(_actor, Id, employeeId), "", state => L[state == EnrolmentState.Enrolled ? "Training.Enrolled" : "Training.OnWaitingList"]);

    private Task WithdrawAsync(int employeeId) => RunAsync(() => Desk.WithdrawAsync(_actor, Id, employeeId), "Training.Withdrawn");

    private Task MoveAsync() => RunAsync(() => Desk.MoveAsync(_actor, Id, _detail!.Version, _moveTo), "Training.Moved");

    private Task CancelAsync() => RunAsync(() => Desk.CancelAsync(_actor, Id, _detail!.Version), "Training.Cancelled");

    private Task SaveAttendanceAsync() => RunAsync(() => Desk.RecordAttendanceAsync(_actor, Id, _detail!.Version, _attended), "Training.AttendanceSaved");

    private async Task SaveResultsAsync()
    {
        var results = _detail!.Enrolments.Where(e => e.Attended == true)
            .Select(e => new AttendeeResult(e.Id, _scores.GetValueOrDefault(e.Id), _passed.GetValueOrDefault(e.Id))).ToList();
        _busy = true;
        try
        {
            var outcome = await Desk.RecordResultsAsync(_actor, Id, _detail.Version, results);
            _resultError = [.. outcome.Errors.Select(e => e.Field).Where(f => f.StartsWith("Result[", StringComparison.Ordinal))
                .Select(f => int.Parse(f[7..^1], System.Globalization.CultureInfo.InvariantCulture))];
            if (outcome.Succeeded)
            {
                Snackbar.Add(L["Training.ResultsSaved"], Severity.Success);
                await LoadAsync(resetInputs: true);
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

    private Task FeedbackAsync() => RunAsync(() => Desk.GiveFeedbackAsync(_actor, Id, _rating, _comment), "Training.FeedbackSaved");
}

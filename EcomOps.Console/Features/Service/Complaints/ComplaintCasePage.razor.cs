using EcomOps.Console.Localization;
using EcomOps.Console.Live;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Service.Complaints;

public sealed partial class ComplaintCasePage : LiveComponent
{
    private ComplaintCase? _case;
    private bool _notFound;
    private bool _busy;
    private bool _conflict;
    private string? _stageError;
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<EmployeePick> _people = [];
    private Actor _actor = Actor.System;

    private string? _responseNote;
    private ComplaintRootCause? _rootCause;
    private ComplaintDepartment? _department;
    private int? _responsible;
    private string? _investigationNote;
    private string? _measureDescription;
    private string? _measureOutcome;
    private int? _measureOwner;
    private DateTime? _measureDeadlineLocal;
    private string? _measureResult;
    private FollowUpVerdict? _verdict;
    private string? _verdictNote;

    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private ComplaintDesk Desk { get; set; } = default!;

    [Inject]
    private ComplaintQueries Queries { get; set; } = default!;

    [Inject]
    private CompanyTime Time { get; set; } = default!;

    [Inject]
    private DisplayFormat Format { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Complaints];

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthState).User;
        _actor = Actor.From(user);
        _people = await Queries.PeopleAsync();
        var me = int.TryParse(user.FindFirst(Auth.OpsClaims.EmployeeId)?.Value, out var id) ? id : (int?)null;
        _responsible ??= me;
        _measureOwner ??= me;
        await LoadAsync();
    }

    protected override async Task OnLiveChangeAsync(LiveChange change)
    {
        if (((change.Entity == nameof(ComplaintCase) && change.Key == Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) || change.IsResync) && !_busy)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _case = await Queries.FindAsync(Id);
        _notFound = _case is null;
        // A fresh measure form proposes tomorrow at the same time, in company time.
        _measureDeadlineLocal ??= TruncateToMinute(Time.LocalNow.AddDays(1));
    }

    private static DateTime TruncateToMinute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0);

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorFor(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[$"Error.{error.Code}"].Value : null;

    private async Task RespondAsync()
    {
        if (await RunAsync(v => Desk.RespondAsync(_actor, Id, _responseNote, v), "Complaints.Done.Responded"))
        {
            _responseNote = null;
        }
    }

    private Task InvestigateAsync() =>
        RunAsync(v => Desk.InvestigateAsync(_actor, Id, new InvestigationForm(_rootCause, _department, _responsible, _investigationNote), v), "Complaints.Done.Investigated");

    private async Task AddMeasureAsync()
    {
        var deadline = _measureDeadlineLocal is { } local ? Time.ToUtc(local) : (DateTime?)null;
        if (await RunAsync(v => Desk.AddMeasureAsync(_actor, Id, new MeasureForm(_measureDescription ?? "", _measureOwner, deadline, _measureOutcome ?? ""), v), "Complaints.Done.MeasureAdded"))
        {
            _measureDescription = _measureOutcome = null;
        }
    }

    private async Task CompleteMeasureAsync(int measureId)
    {
        if (await RunAsync(v => Desk.CompleteMeasureAsync(_actor, Id, measureId, _measureResult, v), "Complaints.Done.MeasureDone"))
        {
            _measureResult = null;
        }
    }

    private async Task FollowUpAsync()
    {
        var verdict = _verdict;
        if (await RunAsync(v => Desk.FollowUpAsync(_actor, Id, verdict, _verdictNote, v),
                verdict == FollowUpVerdict.NotSatisfied ? "Complaints.Done.Reopened" : "Complaints.Done.FollowedUp"))
        {
            _verdict = null;
            _verdictNote = null;
        }
    }

    private Task CloseAsync() => RunAsync(v => Desk.CloseAsync(_actor, Id, v), "Complaints.Done.Closed");

    /// <summary>Runs a step against the version on screen; a stale version is reported and the page reloaded, never overwritten.</summary>
    private async Task<bool> RunAsync(Func<long, Task<Outcome<long>>> step, string doneKey)
    {
        if (_case is null)
        {
            return false;
        }
        _busy = true;
        try
        {
            var outcome = await step(_case.Version);
            _conflict = outcome.Kind == OutcomeKind.Conflict;
            _errors = outcome.Errors;
            _stageError = outcome.Errors.FirstOrDefault(e => e.Field == "Stage") is { } refused ? L[$"Error.{refused.Code}"].Value : null;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
            }
            if (outcome.Kind != OutcomeKind.Invalid)
            {
                await LoadAsync();
            }
            return outcome.Succeeded;
        }
        finally
        {
            _busy = false;
        }
    }

    private string? OwnerName(int? id) => _people.FirstOrDefault(p => p.Id == id) is { } person ? $"{person.Name} · {person.EmployeeNumber}" : null;
}

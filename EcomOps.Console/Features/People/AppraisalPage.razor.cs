using EcomOps.Console.Live;
using EcomOps.Console.Localization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.People;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.People;

/// <summary>
/// One appraisal, walking its steps: the KPI figures with their points and records, the qualitative scores, the form of
/// the step the reader owns (self-assessment, scoring, calibration with the team's distribution, interview with the
/// improvement plan), the result with grade and bonus coefficient, the acknowledgement, the director's corrections.
/// </summary>
public sealed partial class AppraisalPage
{
    private AppraisalView? _view;
    private GradeDistribution? _distribution;
    private bool _missing;
    private bool _busy;
    private Actor _actor = Actor.System;
    private IReadOnlyList<FieldError> _errors = [];
    private Dictionary<string, int?> _scores = [];
    private Dictionary<string, string?> _criterionComments = [];
    private Dictionary<int, int> _progress = [];
    private string? _comment;
    private double _adjustment;
    private string? _reason;
    private string? _strengths;
    private string? _weaknesses;
    private string? _remarks;
    private List<GoalDraft> _goals = [];

    [Parameter] public int Id { get; set; }

    [Inject] private AppraisalQueries Queries { get; set; } = default!;
    [Inject] private AppraisalDesk Desk { get; set; } = default!;
    [Inject] private MetricCatalogue Catalogue { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private EcomOps.Domain.Time.CompanyTime Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Appraisals];

    // Another person's save of this appraisal reloads it; the reader's own inputs are kept.
    protected override async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes) => await LoadAsync(resetInputs: false);

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthState).User);
        await LoadAsync(resetInputs: true);
    }

    /// <summary>Head scores, comments and calibration are the employee's to read once the result is closed.</summary>
    private bool ShowsHeadScores => _view is { } v && (!v.IsEmployee || v.Appraisal.Stage == AppraisalStage.Closed);

    private sealed record QuantitativeRow(QuantitativeCriterion Criterion, MetricDefinition? Metric, string Name, QuantitativeLine? Line);

    private IReadOnlyList<QuantitativeRow> QuantitativeRows => _view is null ? [] :
        [.. _view.Cycle.Quantitative.Select(c =>
        {
            var metric = Catalogue.Find(c.MetricKey);
            return new QuantitativeRow(c, metric, metric?.Name(Format.Culture) ?? c.MetricKey, _view.Appraisal.Quantitative.FirstOrDefault(l => l.MetricKey == c.MetricKey));
        })];

    private async Task LoadAsync(bool resetInputs)
    {
        _view = await Queries.AppraisalAsync(_actor, Id);
        _missing = _view is null;
        if (_view is null)
        {
            return;
        }
        var a = _view.Appraisal;
        if (a.Stage == AppraisalStage.Calibration && _view.OwnsStep && await Queries.CycleAsync(_actor, a.CycleId) is { } cycle)
        {
            _distribution = cycle.Distribution;
        }
        foreach (var goal in a.Goals.Concat(_view.PreviousGoals))
        {
            if (resetInputs || !_progress.ContainsKey(goal.Id))
            {
                _progress[goal.Id] = goal.ProgressPercent;
            }
        }
        if (!resetInputs)
        {
            return;
        }
        _errors = [];
        var head = a.Stage == AppraisalStage.HeadScoring;
        // The head starts from the employee's own scores: they agree or move them.
        _scores = a.Qualitative.ToDictionary(l => l.Key, l => head ? l.HeadScore ?? l.SelfScore : l.SelfScore);
        _criterionComments = a.Qualitative.ToDictionary(l => l.Key, l => l.HeadComment);
        _comment = null;
        _adjustment = 0;
        _reason = null;
        (_strengths, _weaknesses, _remarks) = (null, null, null);
        _goals = a.Stage == AppraisalStage.Interview ? [NewGoal()] : [];
    }

    /// <summary>A new goal is due by default one cycle's length from today: the next cycle follows it up.</summary>
    private GoalDraft NewGoal() => new()
    {
        DueOn = Time.Today.AddDays(_view is { } v ? v.Cycle.PeriodEnd.DayNumber - v.Cycle.PeriodStart.DayNumber + 1 : 90).ToDateTime(TimeOnly.MinValue),
    };

    private string CriterionName(QualitativeCriterion c) => MetricText.Pick(Format.Culture, c.NameEn, c.NameZh);

    private string Points(double? points) => points is { } p ? p.ToString("0.0", Format.Culture) : "—";

    private string Signed(double points) => points.ToString("+0.0;-0.0;0", Format.Culture);

    private string Coefficient(decimal? coefficient) => coefficient is { } c ? "×" + c.ToString("0.00", Format.Culture) : "—";

    private string Scale(int? score) => score is { } s ? $"{s} · {L[$"Appraisal.Scale.{s}"]}" : "—";

    private string Show(QuantitativeRow row, double? value) => row.Metric is { } m ? MetricText.Display(m.Unit, value, Format.Culture) : value?.ToString(Format.Culture) ?? "—";

    private string? ErrorOf(string field) => TrainingText.ErrorOf(_errors, field, L);

    private Task SubmitScoresAsync()
    {
        var a = _view!.Appraisal;
        var inputs = _scores.Select(s => new CriterionInput(s.Key, s.Value, _criterionComments.GetValueOrDefault(s.Key))).ToList();
        return RunAsync(a.Stage == AppraisalStage.HeadScoring
            ? () => Desk.SubmitScoringAsync(_actor, a.Id, a.Version, _comment, inputs)
            : () => Desk.SubmitSelfAssessmentAsync(_actor, a.Id, a.Version, _comment, inputs), $"Appraisal.Done.{a.Stage}");
    }

    private Task CalibrateAsync() =>
        RunAsync(() => Desk.CalibrateAsync(_actor, _view!.Appraisal.Id, _view.Appraisal.Version, _adjustment, _reason), "Appraisal.Done.Calibration");

    private Task InterviewAsync() =>
        RunAsync(() => Desk.RecordInterviewAsync(_actor, _view!.Appraisal.Id, _view.Appraisal.Version, _strengths, _weaknesses, _remarks,
            [.. _goals.Select(g => new GoalInput(g.Goal, g.Measure, g.DueOn is { } d ? DateOnly.FromDateTime(d) : null))]), "Appraisal.Done.Interview");

    private Task AcknowledgeAsync() =>
        RunAsync(() => Desk.AcknowledgeAsync(_actor, _view!.Appraisal.Id, _view.Appraisal.Version, _comment), "Appraisal.Done.Acknowledged");

    private Task CorrectAsync() =>
        RunAsync(() => Desk.CorrectAsync(_actor, _view!.Appraisal.Id, _view.Appraisal.Version, _adjustment, _reason), "Appraisal.Done.Corrected");

    private Task SaveProgressAsync(int goalId) =>
        RunAsync(() => Desk.UpdateGoalAsync(_actor, goalId, _progress[goalId], null), "Appraisal.Done.Progress", reset: false);

    private async Task RunAsync(Func<Task<Outcome<int>>> operation, string doneKey, bool reset = true)
    {
        _busy = true;
        try
        {
            var outcome = await operation();
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
                await LoadAsync(resetInputs: reset);
            }
            else
            {
                _errors = outcome.Errors;
                Snackbar.Add(TrainingText.Refusal(outcome, L), Severity.Warning);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A goal being written at the interview (the date picker works in DateTime).</summary>
    private sealed class GoalDraft
    {
        public string? Goal { get; set; }
        public string? Measure { get; set; }
        public DateTime? DueOn { get; set; }
    }
}

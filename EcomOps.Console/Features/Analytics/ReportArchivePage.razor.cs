using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Kpi;
using EcomOps.Domain.Analytics.Reports;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using EcomOps.Console.Localization;
using EcomOps.Domain.Time;
using Hangfire;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Analytics;

public sealed partial class ReportArchivePage
{
    private const string AllTeams = "all";

    [Inject] private ReportArchive Archive { get; set; } = default!;
    [Inject] private ReportSettings Settings { get; set; } = default!;
    [Inject] private IBackgroundJobClient Jobs { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private PeopleNames People { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<Team> _teams = [];
    private string _teamChoice = AllTeams;
    private ReportPeriod _period = default!;
    private IReadOnlyList<ReportListItem>? _reports;
    private bool _requesting;
    private IReadOnlyDictionary<string, string> _people = new Dictionary<string, string>();
    private Actor _actor = Actor.System;

    /// <summary>Reports this user asked for that were not ready at the last look: when one turns ready, they are told.</summary>
    private readonly HashSet<int> _awaited = [];

    protected override IReadOnlyList<string> LiveBoards => [Boards.Reports];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _actor = Actor.From(user);
        _teams = KpiAccess.TeamsFor(Roles.All.Where(user.IsInRole));
        _teamChoice = _teams.Count > 1 ? AllTeams : _teams.FirstOrDefault().ToString();
        _period = ReportPeriod.Containing(PeriodKind.Month, Time.Today).Previous();
        await LoadAsync();
    }

    protected override Task OnLiveChangeAsync(LiveChange change) => LoadAsync();

    private async Task LoadAsync()
    {
        _reports = await Archive.ListAsync(_teams);
        _people = await People.BySignInAsync(_reports.SelectMany(r => new[] { r.RequestedByUserId, r.RequestedBy }));
        foreach (var report in _reports.Where(r => _awaited.Contains(r.Id)))
        {
            if (report.Status == ReportStatus.Ready)
            {
                _awaited.Remove(report.Id);
                Snackbar.Add(L["Reports.ReadyNotice", report.FileName], Severity.Success);
            }
        }
    }

    private async Task BuildNowAsync()
    {
        IReadOnlyList<Team> teams = _teamChoice == AllTeams ? _teams : [Enum.Parse<Team>(_teamChoice)];
        _requesting = true;
        try
        {
            var asked = await Archive.AskAsync(_actor, new ReportRequest(_period, teams, CultureInfo.CurrentUICulture.Name));
            if (!asked.Succeeded)
            {
                Snackbar.Add(string.Join(" ", asked.Errors.Select(e => L[$"Error.{e.Code}"].Value)), Severity.Warning);
                return;
            }
            if (asked.Value!.NeedsBuild)
            {
                Enqueue(asked.Value.Id);
            }
            else
            {
                Snackbar.Add(L["Reports.AlreadyThere"], Severity.Info);
            }
            await LoadAsync();
        }
        finally
        {
            _requesting = false;
        }
    }

    private async Task RetryAsync(ReportListItem report)
    {
        var retried = await Archive.RetryAsync(_actor, report.Id);
        if (retried.Kind == OutcomeKind.Invalid)
        {
            Snackbar.Add(string.Join(" ", retried.Errors.Select(e => L[$"Error.{e.Code}"].Value)), Severity.Warning);
        }
        else if (retried.Value)
        {
            Enqueue(report.Id);
        }
        await LoadAsync();
    }

    private void Enqueue(int id)
    {
        Jobs.Enqueue<ReportBuildJob>(job => job.RunAsync(id, CancellationToken.None));
        _awaited.Add(id);
        Snackbar.Add(L["Reports.Queued"], Severity.Info);
    }

    private bool CanRetry(ReportListItem report) => ReportArchive.CanRetry(report.Status, report.RequestedAtUtc, Time.UtcNow);

    private string RequestedBy(ReportListItem report) =>
        report.RequestedByUserId is { } id && _people.TryGetValue(id, out var name) ? name : L.Person(_people, report.RequestedBy);

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{bytes / 1024.0:0.0} KB"
        : $"{bytes / 1024.0 / 1024.0:0.0} MB";
}

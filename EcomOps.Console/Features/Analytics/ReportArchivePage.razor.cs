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
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<Team> _teams = [];
    private string _teamChoice = AllTeams;
    private ReportPeriod _period = default!;
    private IReadOnlyList<ReportListItem>? _reports;
    private bool _requesting;
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
        if (teams.Count == 0 || !teams.All(_teams.Contains))
        {
            Snackbar.Add(L["Kpi.ExportRefused"], Severity.Error);
            return;
        }
        if (_period.IsFuture(Time.Today))
        {
            Snackbar.Add(L["Kpi.FuturePeriod"], Severity.Warning);
            return;
        }
        _requesting = true;
        try
        {
            var (id, needsBuild) = await Archive.RequestAsync(new ReportRequest(_period, teams, CultureInfo.CurrentUICulture.Name), scheduled: false, _actor);
            if (needsBuild)
            {
                Jobs.Enqueue<ReportBuildJob>(job => job.RunAsync(id, CancellationToken.None));
                _awaited.Add(id);
                Snackbar.Add(L["Reports.Queued"], Severity.Info);
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

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{bytes / 1024.0:0.0} KB"
        : $"{bytes / 1024.0 / 1024.0:0.0} MB";
}

using System.Globalization;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Campaigns;

/// <summary>
/// One campaign: its rules, the automatic and manual risks, approval, the execution checklist and, once it runs, its
/// results and review with the Excel export. Every action is a Domain operation; the page asks the campaign's own guards.
/// </summary>
public partial class CampaignPage
{
    [Parameter]
    public int Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    private Campaign? _campaign;
    private bool _loaded;
    private bool _busy;
    private bool _conflict;
    private bool _canPlan;
    private bool _canApprove;
    private bool _canBuy;
    private bool _canRequestDesign;
    private Dictionary<int, (string Number, EcomOps.Domain.Design.DesignState State)> _designs = [];
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<AutoRisk>? _autoRisks;
    private List<CampaignRisk> _manual = [];
    private IReadOnlyList<ChannelRow> _channels = [];
    private IReadOnlyList<(int Id, string Name)> _people = [];
    private Dictionary<int, (string Code, string Name, long ListPriceCents)> _skus = [];
    private CampaignReviewView? _review;
    private AudienceSize? _audience;
    private CampaignTaskKind _newTask = CampaignTaskKind.Other;
    private int? _newTaskOwner;
    private DateTime? _newTaskDeadline;
    private string? _newTaskNote;
    private string? _wentWell;
    private string? _wentBadly;
    private string? _lessons;

    protected override IReadOnlyList<string> LiveBoards => [Boards.Campaigns];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _canPlan = (await Authorization.AuthorizeAsync(user, Permissions.PlanCampaigns)).Succeeded;
        _canApprove = Settings.MayApprove(Actor.From(user));
        _canBuy = (await Authorization.AuthorizeAsync(user, Permissions.ManageInventory)).Succeeded;
        _canRequestDesign = (await Authorization.AuthorizeAsync(user, Permissions.RequestDesigns)).Succeeded;
        _channels = await Catalog.ChannelsAsync();
        _people = await Queries.PeopleAsync();
        await LoadAsync();
        _loaded = true;
    }

    protected override async Task OnLiveChangesAsync(IReadOnlyList<LiveChange> changes)
    {
        if (changes.Any(c => c.Key == Id.ToString(CultureInfo.InvariantCulture) || c.IsResync) && !_busy)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _campaign = await Queries.FindAsync(Id);
        if (_campaign is null)
        {
            return;
        }
        _audience = _campaign.AudienceSegment is { } segment ? await Queries.AudienceSizeAsync(segment) : null;
        _manual = [.. _campaign.Risks.Select(r => new CampaignRisk { Title = r.Title, Likelihood = r.Likelihood, Impact = r.Impact, Mitigation = r.Mitigation })];
        _skus = await Queries.SkusAsync(_campaign.Skus.Select(s => s.SkuId));
        _designs = await Queries.DesignRequestsAsync(_campaign.Tasks.Select(t => t.DesignRequestId).OfType<int>());
        (_wentWell, _wentBadly, _lessons) = (_campaign.WentWell, _campaign.WentBadly, _campaign.Lessons);
        _autoRisks = _campaign.State is CampaignState.Cancelled or CampaignState.Ended or CampaignState.Reviewed ? [] : await RiskCheck.CheckAsync(Id);
        _review = _campaign.State is CampaignState.Running or CampaignState.Ended or CampaignState.Reviewed ? await Queries.ReviewAsync(Id) : null;
        _newTaskDeadline ??= DateOnly.FromDateTime(Time.ToLocal(_campaign.StartsAtUtc)).AddDays(-1).ToDateTime(TimeOnly.MinValue);
    }

    private async Task<Actor> ActorAsync() => Actor.From((await AuthState).User);

    private async Task RunAsync(Func<Actor, long, Task<Outcome<int>>> operation, string doneKey)
    {
        if (_campaign is null)
        {
            return;
        }
        _busy = true;
        _conflict = false;
        try
        {
            var outcome = await operation(await ActorAsync(), _campaign.Version);
            _errors = outcome.Errors;
            _conflict = outcome.Kind == OutcomeKind.Conflict;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L[doneKey], Severity.Success);
            }
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task ActAsync(Func<Actor, int, long, CancellationToken, Task<Outcome<int>>> operation, string doneKey) =>
        RunAsync((actor, version) => operation(actor, Id, version, CancellationToken.None), doneKey);

    private Task SubmitAsync() => ActAsync(Desk.SubmitAsync, "Campaign.Submitted");

    private Task SendBackAsync() => ActAsync(Desk.SendBackAsync, "Campaign.SentBack");

    private Task ApproveAsync() => ActAsync(Desk.ApproveAsync, "Campaign.Approved");

    private Task CancelAsync() => RunAsync((actor, version) => Desk.CancelAsync(actor, Id, version, null), "Campaign.Cancelled");

    /// <summary>The "page and poster" task asks the design team, briefed from the campaign's terms; the task is done on delivery.</summary>
    private async Task RequestDesignAsync(CampaignTask task)
    {
        var c = _campaign!;
        var brief = L["Campaign.DesignBrief", c.Number, L[$"Campaign.Type.{c.Type}"], Format.Date(c.StartsAtUtc), Format.Date(c.EndsAtUtc.AddTicks(-1)),
            string.Join(L["Common.ListSeparator"], _channels.Where(ch => c.ChannelIds.Contains(ch.Id)).Select(ch => ch.Name)),
            string.Join(L["Common.ListSeparator"], c.Skus.Select(s => _skus.TryGetValue(s.SkuId, out var sku) ? sku.Code : "")), c.Audience ?? "—"].Value;
        var dialog = await Dialogs.ShowAsync<EcomOps.Console.Features.Design.DesignRequestDialog>(L["Design.Listing.Request"],
            new DialogParameters<EcomOps.Console.Features.Design.DesignRequestDialog> { { d => d.ForCampaign, new(c.Id, c.Name, brief, task.Deadline) } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private Task CompleteTaskAsync(int index) => RunAsync((actor, version) => Desk.CompleteTaskAsync(actor, Id, version, index), "Campaign.TaskCompleted");

    private Task AddTaskAsync() => RunAsync((actor, version) => Desk.AddTaskAsync(actor, Id, version, _newTask, _newTaskOwner,
        _newTaskDeadline is { } d ? DateOnly.FromDateTime(d) : null, _newTaskNote), "Campaign.TaskAdded");

    private Task SaveRisksAsync() => RunAsync((actor, version) => Desk.SaveRisksAsync(actor, Id, version, _manual), "Campaign.RisksSaved");

    private Task SaveReviewAsync() => RunAsync((actor, version) => Desk.SaveReviewAsync(actor, Id, version, _wentWell, _wentBadly, _lessons), "Campaign.ReviewSaved");

    private async Task<ListWorkbookFile> ExportAsync(Func<string, string> text, CancellationToken ct)
    {
        var review = await Queries.ReviewAsync(Id, ct) ?? throw new InvalidOperationException("The campaign is gone.");
        return CampaignReviewWorkbook.Build(review, text, Time.Zone);
    }

    private string ChannelNames(IReadOnlyList<int> ids) =>
        string.Join(L["Common.ListSeparator"], ids.Select(id => _channels.FirstOrDefault(c => c.Id == id)?.Name ?? $"#{id}"));

    private string Cell(ListCell cell) => cell.Kind switch
    {
        ListCellKind.Money => cell.Number is { } yuan ? Format.Money((decimal)yuan) : "—",
        ListCellKind.Number => cell.Number is { } n ? n.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—",
        ListCellKind.DateTime => cell.Utc is { } utc ? Format.Date(utc) : "—",
        _ => cell.Text ?? "—",
    };

    private string RuleText(Campaign c) => c.Type switch
    {
        CampaignType.SpendSave => string.Join(L["Common.ListSeparator"], c.Tiers.Select(t => L["Campaign.TierText", Format.Money(t.ThresholdCents / 100m), Format.Money(t.SaveCents / 100m)].Value))
            + (c.StackTiers ? " · " + L["Campaign.StackTiers"] : ""),
        CampaignType.GiftWithPurchase => L["Campaign.GiftText", Format.Money(c.GiftThresholdCents / 100m), c.GiftQuantity].Value,
        CampaignType.MemberExclusive => L["Campaign.MemberText", c.MemberTier is { } tier ? L[$"Campaign.MemberTier.{tier}"].Value : "—"].Value,
        _ => L[$"Campaign.Rule.{c.Type}"].Value,
    };

    private string RiskText(AutoRisk risk) => risk.Kind switch
    {
        AutoRiskKind.StockShort => L["Campaign.Risk.StockShort", risk.Subject, risk.Needed, risk.Have],
        AutoRiskKind.MarginBelowFloor => L["Campaign.Risk.MarginBelowFloor", risk.Subject, risk.Have, risk.Needed],
        AutoRiskKind.Overlap => L["Campaign.Risk.Overlap", risk.Subject],
        _ => L["Campaign.Risk.BudgetAbovePlan", L[$"Campaign.Risk.Budget.{risk.Subject}"], Format.Money(risk.Needed / 100m), Format.Money(risk.Have / 100m)],
    };
}

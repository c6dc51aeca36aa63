using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace EcomOps.Console.Features.Campaigns;

/// <summary>Plans a campaign or changes its plan: every rule is the Domain's; the page shows its refusals beside the fields.</summary>
public partial class CampaignEditorPage
{
    [Parameter]
    public int? Id { get; set; }

    /// <summary>"Create campaign for this segment": a new campaign opens with the segment as its audience.</summary>
    [SupplyParameterFromQuery(Name = "segment")]
    public string? Segment { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthState { get; set; } = default!;

    private CampaignForm _form = new();
    private long _version;
    private DateTime? _start;
    private DateTime? _end;
    private bool _loaded;
    private bool _missing;
    private bool _busy;
    private bool _conflict;
    private CampaignState? _editedState;
    private IReadOnlyList<FieldError> _errors = [];
    private IReadOnlyList<ChannelRow> _channels = [];
    private IReadOnlyList<(int Id, string Name)> _people = [];
    private IReadOnlyList<CampaignRow> _lessons = [];
    private Dictionary<int, (string Code, string Name, long ListPriceCents)> _skus = [];
    private SkuChoice? _gift;

    protected override async Task OnInitializedAsync()
    {
        _channels = (await Catalog.ChannelsAsync()).Where(c => c.Active).ToList();
        _people = await Queries.PeopleAsync();
        if (Id is { } id)
        {
            var campaign = await Queries.FindAsync(id);
            if (campaign is null)
            {
                _missing = true;
                _loaded = true;
                return;
            }
            _form = CampaignForm.From(campaign, Time.ToLocal);
            _version = campaign.Version;
            _editedState = campaign.State;
        }
        else if (Enum.TryParse<CustomerSegment>(Segment, ignoreCase: false, out var segment) && Enum.IsDefined(segment))
        {
            _form = CampaignAudience.DraftFor(segment, L["Campaign.ForSegment", L[$"Customers.Segment.{segment}"]], Time.Today, [.. _channels.Select(c => c.Id)]);
            _form.Tiers = [new SpendTier { ThresholdCents = 20_000, SaveCents = 2_000 }];
        }
        else
        {
            _form.StartDate = Time.Today.AddDays(14);
            _form.EndDate = Time.Today.AddDays(20);
            _form.Tiers = [new SpendTier { ThresholdCents = 20_000, SaveCents = 2_000 }];
            _form.Type = CampaignType.SpendSave;
            // Most campaigns run on every shop; the planner takes out the ones that sit it out.
            _form.ChannelIds = [.. _channels.Select(c => c.Id)];
        }
        (_start, _end) = (_form.StartDate?.ToDateTime(TimeOnly.MinValue), _form.EndDate?.ToDateTime(TimeOnly.MinValue));
        _skus = await Queries.SkusAsync(_form.Skus.Select(s => s.SkuId).Concat(_form.GiftSkuId is { } g ? [g] : []));
        if (_form.GiftSkuId is { } gift && _skus.TryGetValue(gift, out var giftSku))
        {
            _gift = new SkuChoice(gift, giftSku.Code, giftSku.Name, 0);
        }
        _lessons = await Queries.LessonsAsync(_form.Type, null, 5);
        _loaded = true;
    }

    private async Task<IEnumerable<SkuChoice>> FindSkusAsync(string? term, CancellationToken ct) => await Stock.FindSkusAsync(term, 20, ct);

    private async Task AddSkuAsync(SkuChoice? choice)
    {
        if (choice is null || _form.Skus.Any(s => s.SkuId == choice.Id))
        {
            return;
        }
        _form.Skus.Add(new CampaignSkuForm { SkuId = choice.Id, DiscountPercent = CampaignRules.PricesSkus(_form.Type) ? 10 : null });
        foreach (var (id, sku) in await Queries.SkusAsync([choice.Id]))
        {
            _skus[id] = sku;
        }
    }

    private static string? SkuLabel(SkuChoice? sku) => sku is null ? null : $"{sku.Code} · {sku.Name}";

    private string ChannelName(int id) => _channels.FirstOrDefault(c => c.Id == id)?.Name ?? $"#{id}";

    private static decimal? Yuan(long? cents) => cents is { } c ? c / 100m : null;

    private static long? Cents(decimal? yuan) => yuan is { } y ? (long)Math.Round(y * 100, MidpointRounding.AwayFromZero) : null;

    private IEnumerable<(string Key, string Field, Func<long> Get, Action<long> Set)> Budgets() =>
    [
        ("Campaign.AdsBudget", nameof(CampaignForm.AdsBudgetCents), () => _form.AdsBudgetCents, v => _form.AdsBudgetCents = v),
        ("Campaign.DiscountBudget", nameof(CampaignForm.DiscountBudgetCents), () => _form.DiscountBudgetCents, v => _form.DiscountBudgetCents = v),
        ("Campaign.GiftBudget", nameof(CampaignForm.GiftBudgetCents), () => _form.GiftBudgetCents, v => _form.GiftBudgetCents = v),
    ];

    private async Task SaveAsync()
    {
        _busy = true;
        _conflict = false;
        try
        {
            _form.StartDate = _start is { } s ? DateOnly.FromDateTime(s) : null;
            _form.EndDate = _end is { } e ? DateOnly.FromDateTime(e) : null;
            var outcome = await Desk.SaveAsync(Actor.From((await AuthState).User), Id, _version, _form);
            _errors = outcome.Errors;
            switch (outcome.Kind)
            {
                case OutcomeKind.Done:
                    Snackbar.Add(L["Campaign.Saved"], Severity.Success);
                    Navigation.NavigateTo($"/campaigns/{outcome.Value}");
                    break;
                case OutcomeKind.Conflict:
                    _conflict = true;
                    break;
                case OutcomeKind.NotFound:
                    _missing = true;
                    break;
                default:
                    Snackbar.Add(L["Campaign.NotSaved"], Severity.Warning);
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => _errors.FirstOrDefault(e => e.Field == field) is { } e ? L[$"Error.{e.Code}"].Value : null;
}

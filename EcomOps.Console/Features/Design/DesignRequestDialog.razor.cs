using EcomOps.Console.Localization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Time;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace EcomOps.Console.Features.Design;

/// <summary>
/// A new design request (from the board, a listing's page or a store page's planned refresh), or the requester's edit of
/// one returned for a better brief. The specifications start from the platform's for the kind and channel.
/// </summary>
public sealed partial class DesignRequestDialog
{
    private readonly DesignRequestForm _form = new();
    private ListingPick? _listing;
    private DateTime? _due;
    private IReadOnlyList<(int Id, string Name)> _channels = [];
    private IReadOnlyList<IBrowserFile> _references = [];
    private IReadOnlyList<FieldError> _errors = [];
    private string? _refusal;
    private bool _busy;

    [Inject] private DesignDesk Desk { get; set; } = default!;
    [Inject] private DesignQueries Queries { get; set; } = default!;
    [Inject] private DesignSpecBook Specs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CompanyTime Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    /// <summary>The listing the request is for, when asked from its page.</summary>
    [Parameter] public int? ListingId { get; set; }

    /// <summary>A store page's planned refresh the request carries out: its channel, element, date and brief.</summary>
    [Parameter] public StoreRefreshRow? Refresh { get; set; }

    /// <summary>A campaign's "page and poster" task the request carries out: the campaign, a brief from its terms, and the task's deadline.</summary>
    [Parameter] public CampaignDesignAsk? ForCampaign { get; set; }

    /// <summary>The returned request being edited, with the version it was read at.</summary>
    [Parameter] public DesignDetail? Resubmit { get; set; }

    private int? ResubmitId => Resubmit?.Request.Id;

    protected override async Task OnInitializedAsync()
    {
        _channels = await Queries.ChannelsAsync();
        _due = Time.Today.AddDays(7).ToDateTime(TimeOnly.MinValue);
        if (Resubmit is { Request: var r })
        {
            (_form.Kind, _form.Title, _form.Brief, _form.Specifications, _form.Priority) = (r.Kind, r.Title, r.Brief, r.Specifications, r.Priority);
            (_form.ListingId, _form.ChannelId, _form.StoreElement, _form.Campaign) = (r.ListingId, r.ChannelId, r.StoreElement, r.Campaign);
            _due = (r.DueDate < Time.Today ? Time.Today : r.DueDate).ToDateTime(TimeOnly.MinValue);
            _listing = r.ListingId is { } id ? new ListingPick(id, Resubmit.ListingTitle ?? "", r.ChannelId ?? 0, Resubmit.ChannelName ?? "") : null;
            return;
        }
        if (Refresh is { } refresh)
        {
            (_form.Kind, _form.ChannelId, _form.StoreElement, _form.StoreRefreshId) = (DesignKind.ShopHomeElement, refresh.ChannelId, refresh.Element, refresh.Id);
            _form.Title = $"{refresh.Occasion} · {L[$"Store.Element.{refresh.Element}"]}";
            _form.Brief = refresh.Brief ?? "";
            _due = (refresh.DueDate < Time.Today ? Time.Today : refresh.DueDate).ToDateTime(TimeOnly.MinValue);
        }
        if (ForCampaign is { } campaign)
        {
            (_form.Kind, _form.Campaign, _form.CampaignId, _form.Brief) = (DesignKind.CampaignPoster, campaign.Name, campaign.CampaignId, campaign.Brief);
            _form.Title = $"{L["DesignKind.CampaignPoster"]} · {campaign.Name}";
            _due = (campaign.Due < Time.Today ? Time.Today : campaign.Due).ToDateTime(TimeOnly.MinValue);
        }
        if (ListingId is { } listingId)
        {
            _form.Kind = DesignKind.DetailPage;
            _form.ListingId = listingId;
            _listing = (await Queries.ListingsAsync(null, 1, listingId)).FirstOrDefault();
            _form.Title = _listing is null ? "" : $"{L["DesignKind.DetailPage"]} · {_listing.Title}";
        }
        await FillSpecificationsAsync();
    }

    private async Task KindChangedAsync(DesignKind kind)
    {
        _form.Kind = kind;
        await FillSpecificationsAsync();
    }

    private async Task ListingChangedAsync(ListingPick? listing)
    {
        _listing = listing;
        _form.ListingId = listing?.Id;
        if (listing is not null && string.IsNullOrWhiteSpace(_form.Title))
        {
            _form.Title = $"{L[$"DesignKind.{_form.Kind}"]} · {listing.Title}";
        }
        await FillSpecificationsAsync();
    }

    private async Task ChannelChangedAsync(int? channelId)
    {
        _form.ChannelId = channelId;
        await FillSpecificationsAsync();
    }

    /// <summary>The platform's specification for the kind, unless the requester has written their own.</summary>
    private async Task FillSpecificationsAsync()
    {
        var channel = DesignRules.IsForListing(_form.Kind) ? _listing?.ChannelId : _form.ChannelId;
        _form.Specifications = await Specs.ForChannelAsync(channel, _form.Kind);
    }

    private async Task<IEnumerable<ListingPick>> SearchListingsAsync(string? text, CancellationToken ct) => await Queries.ListingsAsync(text, 20, null, ct);

    private async Task SaveAsync()
    {
        _busy = true;
        _refusal = null;
        try
        {
            _form.DueDate = _due is { } due ? DateOnly.FromDateTime(due) : null;
            var actor = Actor.From((await AuthState).User);
            var outcome = Resubmit is { } returned
                ? await Desk.ResubmitAsync(actor, returned.Request.Id, returned.Request.Version, _form)
                : await Desk.RequestAsync(actor, _form, DesignText.Uploads(_references));
            _errors = outcome.Errors;
            if (outcome.Succeeded)
            {
                Snackbar.Add(L["Design.Sent", DesignRules.NumberOf(outcome.Value)], Severity.Success);
                Dialog.Close(DialogResult.Ok(outcome.Value));
            }
            else if (outcome.Kind != OutcomeKind.Invalid)
            {
                _refusal = DesignText.Refusal(L, outcome);
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

/// <summary>What a campaign's page asks the design team for: its poster and landing page, briefed from its terms.</summary>
public sealed record CampaignDesignAsk(int CampaignId, string Name, string Brief, DateOnly Due);

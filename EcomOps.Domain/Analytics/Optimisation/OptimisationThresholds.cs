using EcomOps.Domain.Data;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>One configurable threshold: its key (<c>Optimise.Threshold.{Key}</c> on screen), default, allowed range and whether it is whole.</summary>
public sealed record ThresholdDefinition(string Key, OptimisationRule? Rule, double Default, double Min, double Max, bool Whole);

/// <summary>The thresholds the rules and the effect measure use; every one in its range (see <see cref="OptimisationThresholds.Check"/>).</summary>
public sealed record OptimisationThresholdValues(
    double ConversionRatioPercent,
    int ConversionMinVisitors,
    int ConversionWindowDays,
    int NoStockMinVisitors,
    int ComplaintMinCases,
    double ComplaintRisePercent,
    int ComplaintPeriodDays,
    int SegmentMinCustomers,
    double ShortfallPercent,
    int EffectWindowDays,
    double EffectMinPoints,
    double PaidMarginPercent,
    int PaidMinSpend,
    int PaidWindowDays)
{
    public static OptimisationThresholdValues Defaults { get; } = From(new Dictionary<string, double>());

    /// <summary>One threshold's value by its key (the editor lists them by <see cref="OptimisationThresholds.All"/>).</summary>
    public double Of(string key) => key switch
    {
        OptimisationThresholds.ConversionRatioPercent => ConversionRatioPercent,
        OptimisationThresholds.ConversionMinVisitors => ConversionMinVisitors,
        OptimisationThresholds.ConversionWindowDays => ConversionWindowDays,
        OptimisationThresholds.NoStockMinVisitors => NoStockMinVisitors,
        OptimisationThresholds.ComplaintMinCases => ComplaintMinCases,
        OptimisationThresholds.ComplaintRisePercent => ComplaintRisePercent,
        OptimisationThresholds.ComplaintPeriodDays => ComplaintPeriodDays,
        OptimisationThresholds.SegmentMinCustomers => SegmentMinCustomers,
        OptimisationThresholds.ShortfallPercent => ShortfallPercent,
        OptimisationThresholds.EffectWindowDays => EffectWindowDays,
        OptimisationThresholds.EffectMinPoints => EffectMinPoints,
        OptimisationThresholds.PaidMarginPercent => PaidMarginPercent,
        OptimisationThresholds.PaidMinSpend => PaidMinSpend,
        OptimisationThresholds.PaidWindowDays => PaidWindowDays,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a threshold"),
    };

    public static OptimisationThresholdValues From(IReadOnlyDictionary<string, double> stored)
    {
        double V(string key) => stored.TryGetValue(key, out var v) ? v : OptimisationThresholds.Find(key)!.Default;
        return new(V(OptimisationThresholds.ConversionRatioPercent), (int)V(OptimisationThresholds.ConversionMinVisitors), (int)V(OptimisationThresholds.ConversionWindowDays),
            (int)V(OptimisationThresholds.NoStockMinVisitors), (int)V(OptimisationThresholds.ComplaintMinCases), V(OptimisationThresholds.ComplaintRisePercent),
            (int)V(OptimisationThresholds.ComplaintPeriodDays), (int)V(OptimisationThresholds.SegmentMinCustomers), V(OptimisationThresholds.ShortfallPercent),
            (int)V(OptimisationThresholds.EffectWindowDays), V(OptimisationThresholds.EffectMinPoints), V(OptimisationThresholds.PaidMarginPercent),
            (int)V(OptimisationThresholds.PaidMinSpend), (int)V(OptimisationThresholds.PaidWindowDays));
    }
}

/// <summary>The thresholds' definitions and their validation: a value out of range is refused with the field it belongs to.</summary>
public static class OptimisationThresholds
{
    public const string ConversionRatioPercent = "ConversionRatioPercent";
    public const string ConversionMinVisitors = "ConversionMinVisitors";
    public const string ConversionWindowDays = "ConversionWindowDays";
    public const string NoStockMinVisitors = "NoStockMinVisitors";
    public const string ComplaintMinCases = "ComplaintMinCases";
    public const string ComplaintRisePercent = "ComplaintRisePercent";
    public const string ComplaintPeriodDays = "ComplaintPeriodDays";
    public const string SegmentMinCustomers = "SegmentMinCustomers";
    public const string ShortfallPercent = "ShortfallPercent";
    public const string EffectWindowDays = "EffectWindowDays";
    public const string EffectMinPoints = "EffectMinPoints";
    public const string PaidMarginPercent = "PaidMarginPercent";
    public const string PaidMinSpend = "PaidMinSpend";
    public const string PaidWindowDays = "PaidWindowDays";

    /// <summary>A threshold outside its range; the message names the range.</summary>
    public const string OutOfRange = "OptimiseThresholdOutOfRange";

    /// <summary>A threshold that counts (visitors, days, cases) given with a fraction.</summary>
    public const string NotWhole = "OptimiseThresholdNotWhole";

    public static readonly IReadOnlyList<ThresholdDefinition> All =
    [
        new(ConversionRatioPercent, OptimisationRule.LowConversion, 50, 1, 99, false),
        // Below a thousand visitors in two weeks, a listing with no buyer at all is as likely luck as a weak page.
        new(ConversionMinVisitors, OptimisationRule.LowConversion, 1000, 10, 1_000_000, true),
        new(ConversionWindowDays, OptimisationRule.LowConversion, 14, 7, 56, true),
        new(NoStockMinVisitors, OptimisationRule.NoStock, 50, 1, 1_000_000, true),
        new(ComplaintMinCases, OptimisationRule.ComplaintRise, 3, 1, 1000, true),
        new(ComplaintRisePercent, OptimisationRule.ComplaintRise, 50, 1, 1000, false),
        new(ComplaintPeriodDays, OptimisationRule.ComplaintRise, 30, 7, 180, true),
        new(SegmentMinCustomers, OptimisationRule.UncoveredSegment, 20, 1, 1_000_000, true),
        new(ShortfallPercent, OptimisationRule.ForecastShortfall, 10, 1, 100, false),
        // The gross margin an order leaves before advertising: paid traffic pays off when its buyers' margin covers its cost.
        new(PaidMarginPercent, OptimisationRule.PaidTrafficLoss, 30, 1, 95, false),
        // Below this spend (yuan) over the window, a channel's paid traffic is a test, not a plan worth a card.
        new(PaidMinSpend, OptimisationRule.PaidTrafficLoss, 1000, 0, 100_000_000, true),
        new(PaidWindowDays, OptimisationRule.PaidTrafficLoss, 14, 7, 56, true),
        new(EffectWindowDays, null, 14, 7, 56, true),
        new(EffectMinPoints, null, 0.5, 0, 100, false),
    ];

    public static ThresholdDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>Every value's error, by its key; none means all may be saved.</summary>
    public static List<FieldError> Check(IReadOnlyDictionary<string, double> values)
    {
        var errors = new List<FieldError>();
        foreach (var (key, value) in values)
        {
            if (Find(key) is not { } definition)
            {
                errors.Add(new FieldError(key, OutOfRange));
            }
            else if (double.IsNaN(value) || value < definition.Min || value > definition.Max)
            {
                errors.Add(new FieldError(key, OutOfRange));
            }
            else if (definition.Whole && value != Math.Floor(value))
            {
                errors.Add(new FieldError(key, NotWhole));
            }
        }
        return errors;
    }
}

using System.Text.RegularExpressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;

namespace EcomOps.Domain.Service;

/// <summary>What an agent enters for a new ticket (a call or chat they log, or an email they file).</summary>
public sealed record TicketForm
{
    public TicketChannel Channel { get; init; } = TicketChannel.Hotline;
    public string CustomerName { get; init; } = "";
    public string CustomerContact { get; init; } = "";
    public string? OrderReference { get; init; }
    public string Subject { get; init; } = "";
    public string Category { get; init; } = TicketCategories.Other;
    public TicketPriority Priority { get; init; } = TicketPriority.Normal;

    /// <summary>The customer's own words, the first message of the thread.</summary>
    public string Message { get; init; } = "";

    /// <summary>The language the customer is written to in ("zh-Hans" or "en"); empty takes the named order's, else Chinese.</summary>
    public string? CustomerLanguage { get; init; }
}

/// <summary>The categories the queue filters by and the SLA policies match on.</summary>
public static class TicketCategories
{
    public const string Shipping = "Shipping";
    public const string ReturnsRefunds = "ReturnsRefunds";
    public const string ProductQuestion = "ProductQuestion";
    public const string Payment = "Payment";
    public const string Complaint = "Complaint";
    public const string Other = "Other";

    public static readonly IReadOnlyList<string> All = [Shipping, ReturnsRefunds, ProductQuestion, Payment, Complaint, Other];
}

/// <summary>Validation of tickets and their messages that needs no database.</summary>
public static partial class TicketRules
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 120;
    public const int MaxOrderReferenceLength = 40;
    public const int MaxSubjectLength = 200;
    public const int MaxCategoryLength = 40;
    public const int MaxBodyLength = 5000;

    public static List<FieldError> Check(TicketForm form)
    {
        var errors = new List<FieldError>();
        Required(errors, nameof(form.CustomerName), form.CustomerName, MaxNameLength);
        Required(errors, nameof(form.Subject), form.Subject, MaxSubjectLength);
        if (string.IsNullOrWhiteSpace(form.CustomerContact))
        {
            errors.Add(new(nameof(form.CustomerContact), "Required"));
        }
        else if (!IsContact(form.CustomerContact.Trim()))
        {
            errors.Add(new(nameof(form.CustomerContact), "ContactFormat"));
        }
        if (!string.IsNullOrWhiteSpace(form.OrderReference) && !OrderReference().IsMatch(form.OrderReference.Trim()))
        {
            errors.Add(new(nameof(form.OrderReference), "OrderReferenceFormat"));
        }
        if (!TicketCategories.All.Contains(form.Category))
        {
            errors.Add(new(nameof(form.Category), "UnknownCategory"));
        }
        if (!Enum.IsDefined(form.Channel))
        {
            errors.Add(new(nameof(form.Channel), "UnknownChannel"));
        }
        if (!Enum.IsDefined(form.Priority))
        {
            errors.Add(new(nameof(form.Priority), "UnknownPriority"));
        }
        CheckBody(errors, nameof(form.Message), form.Message);
        if (!string.IsNullOrWhiteSpace(form.CustomerLanguage) && !Orders.OrderRules.Languages.Contains(form.CustomerLanguage))
        {
            errors.Add(new(nameof(form.CustomerLanguage), "UnknownLanguage"));
        }
        TextRules.CheckAll(errors, form);
        return errors;
    }

    /// <summary>A reply, note or customer message: not empty, not over the limit.</summary>
    public static List<FieldError> CheckBody(string? body)
    {
        var errors = new List<FieldError>();
        CheckBody(errors, "Body", body);
        return errors;
    }

    /// <summary>An email address, or a phone number (mainland mobile, landline with area code, or international).</summary>
    public static bool IsContact(string value) => Email().IsMatch(value) || Phone().IsMatch(value);

    private static void CheckBody(List<FieldError> errors, string field, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            errors.Add(new(field, "Required"));
        }
        else if (body.Length > MaxBodyLength)
        {
            errors.Add(new(field, "BodyTooLong"));
        }
        else
        {
            TextRules.Check(errors, field, body);
        }
    }

    private static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Required"));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(new(field, "TooLong"));
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(\+?\d{1,3}[ -]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,15})$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]{3,39}$")]
    private static partial Regex OrderReference();
}

using EcomOps.Domain.Orders;

namespace EcomOps.Domain.Service.Surveys;

/// <summary>Where customers reach the console's survey page, from the <c>Surveys</c> section of the configuration.</summary>
public sealed class SurveySettings
{
    /// <summary>The address customers open survey links at (the console's public address, without a trailing path).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string LinkFor(string token) => $"{PublicBaseUrl.TrimEnd('/')}/survey/{token}";

    /// <summary>A contact-page conversation's address, at the same public address.</summary>
    public string ContactLinkFor(string reference) => $"{PublicBaseUrl.TrimEnd('/')}/contact/{reference}";
}

/// <summary>The message that carries a solved ticket's survey link to the customer, in the customer's language.</summary>
public static class SurveyInvitation
{
    public static OutboxMessage Compose(Ticket ticket, SatisfactionSurvey survey, SurveySettings settings)
    {
        var english = ticket.CustomerLanguage == "en";
        var link = settings.LinkFor(survey.Token);
        var days = (int)Math.Round((survey.ExpiresAtUtc - survey.CreatedAtUtc).TotalDays);
        var number = ticket.Id == 0 ? ticket.Subject : ticket.Number;
        return new OutboxMessage
        {
            Kind = NotificationKind.SurveyInvitation,
            Language = english ? "en" : "zh-Hans",
            Recipient = ticket.CustomerContact,
            Text = english
                ? $"[EcomOps] Your request {number} is solved. How did we do? One click to rate us: {link} (open for {days} days)"
                : $"【EcomOps】您的问题（{number}）已处理完毕。欢迎为本次服务评分：{link}（{days} 天内有效）",
            Status = DeliveryStatus.Pending,
            CreatedAtUtc = survey.CreatedAtUtc,
        };
    }
}

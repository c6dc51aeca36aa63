using System.Text.RegularExpressions;

namespace EcomOps.Domain.Service.Answers;

/// <summary>The values an answer's placeholders are filled with. A missing value fills as an empty string.</summary>
public sealed record AnswerPlaceholders(string? CustomerName = null, string? OrderNo = null, string? TicketNo = null, string? AgentName = null)
{
    public static AnswerPlaceholders From(Ticket ticket, string? agentName) =>
        new(ticket.CustomerName, ticket.OrderReference, ticket.Number, agentName);
}

/// <summary>Fills the placeholders of an answer's body; and turns a concrete reply back into a template.</summary>
public static partial class AnswerTemplate
{
    public const string CustomerName = "{customer_name}";
    public const string OrderNo = "{order_no}";
    public const string TicketNo = "{ticket_no}";
    public const string AgentName = "{agent_name}";

    public static readonly IReadOnlyList<string> Known = [CustomerName, OrderNo, TicketNo, AgentName];

    public static string Fill(string body, Ticket ticket, string? agentName = null) => Fill(body, AnswerPlaceholders.From(ticket, agentName));

    /// <summary>Replaces the known placeholders; an unknown one (a typo, a newer name) stays as written so it is noticed.</summary>
    public static string Fill(string body, AnswerPlaceholders values) =>
        Placeholder().Replace(body, m => m.Value switch
        {
            CustomerName => values.CustomerName ?? "",
            OrderNo => values.OrderNo ?? "",
            TicketNo => values.TicketNo ?? "",
            AgentName => values.AgentName ?? "",
            _ => m.Value,
        });

    /// <summary>
    /// The reverse of <see cref="Fill(string, AnswerPlaceholders)"/> for a reply an agent proposes as an answer: the
    /// ticket's own values become placeholders, so the answer fits the next customer too. Values shorter than two
    /// characters are left alone, as they would match inside other words.
    /// </summary>
    public static string Generalize(string reply, AnswerPlaceholders values)
    {
        var pairs = new (string? Value, string Placeholder)[]
        {
            (values.CustomerName, CustomerName), (values.OrderNo, OrderNo), (values.TicketNo, TicketNo), (values.AgentName, AgentName),
        };
        var text = reply;
        foreach (var (value, placeholder) in pairs.Where(p => p.Value is { Length: >= 2 }).OrderByDescending(p => p.Value!.Length))
        {
            text = text.Replace(value!.Trim(), placeholder, StringComparison.Ordinal);
        }
        return text;
    }

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();
}

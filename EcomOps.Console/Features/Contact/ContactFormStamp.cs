using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace EcomOps.Console.Features.Contact;

/// <summary>
/// When the contact form was shown, written into the form protected by Data Protection, so the bot check can tell how
/// long the sender took (<see cref="EcomOps.Domain.Service.Contact.ContactDesk.Judge"/>) and a program cannot forge it.
/// </summary>
public sealed class ContactFormStamp(IDataProtectionProvider provider, TimeProvider clock)
{
    private readonly IDataProtector _protector = provider.CreateProtector("EcomOps.Contact.FormStamp.v1");

    public string Issue() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>The time the form was shown; null for a missing, altered or foreign stamp.</summary>
    public DateTime? Read(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return null;
        }
        try
        {
            return long.TryParse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 and <= 3_155_378_975_999_999_999 ? new DateTime(ticks, DateTimeKind.Utc) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

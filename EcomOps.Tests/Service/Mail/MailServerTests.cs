using EcomOps.Tests.Support;
using MimeKit;

namespace EcomOps.Tests.Service.Mail;

[Collection(MailServerCollection.Name)]
public sealed class MailServerTests(MailServer server)
{
    [SkippableFact]
    public async Task A_message_sent_to_a_mailbox_is_read_back_over_IMAP_by_that_mailbox_only()
    {
        server.Require();
        var (mine, other) = (server.Lease(), server.Lease());
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Wang Fang", "wang.fang@customer.test"));
        message.To.Add(MailboxAddress.Parse(mine.Address));
        message.Subject = "Where is my parcel?";
        message.Body = new TextPart("plain") { Text = "It has not moved for three days." };

        await server.SendAsync(message);

        var read = await server.ReadAsync(mine.User, mine.Password);
        Assert.Equal("Where is my parcel?", Assert.Single(read).Subject);
        Assert.Empty(await server.ReadAsync(other.User, other.Password));
        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => server.ReadAsync(mine.User, "wrong"));
    }
}

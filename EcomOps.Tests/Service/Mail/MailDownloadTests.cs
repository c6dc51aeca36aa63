using System.Net;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Mail;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EcomOps.Tests.Service.Mail;

/// <summary>The attachment download endpoint on the real web host.</summary>
public sealed class MailDownloadTests : IAsyncLifetime
{
    private readonly OpsWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_attachment_is_a_download_for_agents_and_nothing_for_people_outside_customer_service()
    {
        _ = _factory.Server;
        var desk = _factory.Services.GetRequiredService<MailboxDesk>();
        var id = (await desk.SaveAsync(MailWorld.Supervisor, null, 0, new MailboxForm
        {
            Name = "Support", Address = "help@shop.test", ImapHost = "imap.shop.test", ImapUser = "help", ImapPassword = "pw", SmtpHost = "smtp.shop.test",
        })).Value;
        Mailbox mailbox;
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync())
        {
            mailbox = await db.Set<Mailbox>().AsNoTracking().SingleAsync(m => m.Id == id);
        }
        var builder = new BodyBuilder { TextBody = "See the page." };
        builder.Attachments.Add("page.html", "<script>alert(1)</script>"u8.ToArray(), new ContentType("text", "html"));
        var message = MailWorld.Customer("help@shop.test", "Broken page", "");
        message.Body = builder.ToMessageBody();
        using var raw = new MemoryStream();
        await message.WriteToAsync(raw);
        var filed = await _factory.Services.GetRequiredService<MailIntake>().FileAsync(mailbox, 1, 1, raw.ToArray());
        var hash = (await desk.EntryMailsAsync(MailWorld.Agent, filed.TicketId!.Value)).Values.Single().Attachments.Single().Hash!;

        using var agent = await _factory.SignedInClientAsync("agent@ecomops.local");
        using var designer = await _factory.SignedInClientAsync("designer@ecomops.local");
        var download = await agent.GetAsync($"/service/mail/files/{hash}");
        var refused = await designer.GetAsync($"/service/mail/files/{hash}");
        var anonymous = await _factory.NewClient().GetAsync($"/service/mail/files/{hash}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("page.html", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("<script>alert(1)</script>", await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}

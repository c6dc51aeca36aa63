using Bunit;
using EcomOps.Console.Features.Service.Mail;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Mail;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Service.Mail;

public sealed class MailboxPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static MailboxForm Form(string address) => new()
    {
        Name = "Support", Address = address, ImapHost = "imap.example.com", ImapUser = address, ImapPassword = "secret-pw", SmtpHost = "smtp.example.com",
    };

    [Fact]
    public async Task The_mailboxes_page_shows_a_refused_password_on_its_mailbox_and_says_when_nothing_was_held_back()
    {
        var desk = _harness.Get<MailboxDesk>();
        var failing = (await desk.SaveAsync(MailWorld.Supervisor, null, 0, Form("help@example.com"))).Value;
        await desk.SaveAsync(MailWorld.Supervisor, null, 0, Form("sales@example.com"));
        await using (var db = _harness.NewDb())
        {
            await db.Set<Mailbox>().Where(m => m.Id == failing).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.LastFetchError, MailErrors.AuthenticationRefused).SetProperty(m => m.LastFetchDetail, "535 bad credentials")
                .SetProperty(m => m.LastFetchAtUtc, new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc)));
        }
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton<TimeProvider>(_harness.Clock);
        ctx.AddAuthorization().SetAuthorized("cssupervisor@ecomops.local").SetRoles(Roles.CsSupervisor).SetPolicies(Permissions.ManageMailboxes);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<MailboxesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=mailboxes-table] tbody tr").Count));
        var status = page.Find($"[data-testid=mailbox-status-{failing}]").TextContent;
        Assert.Contains("Last fetch failed: Authentication refused", status);
        Assert.Contains("535 bad credentials", status);
        Assert.DoesNotContain("secret-pw", page.Markup);
        Assert.NotNull(page.Find("[data-testid=unreadable-empty]"));
        Assert.NotNull(page.Find("[data-testid=throttled-empty]"));
    }

    [Fact]
    public async Task Editing_a_mailbox_never_shows_its_password_and_a_bad_address_is_named_on_its_field()
    {
        var desk = _harness.Get<MailboxDesk>();
        var id = (await desk.SaveAsync(MailWorld.Supervisor, null, 0, Form("help@example.com"))).Value;
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton<TimeProvider>(_harness.Clock);
        ctx.AddAuthorization().SetAuthorized("cssupervisor@ecomops.local").SetRoles(Roles.CsSupervisor).SetPolicies(Permissions.ManageMailboxes);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<MailboxesPage>();
        page.WaitForAssertion(() => page.Find($"[data-testid=mailbox-edit-{id}]"));

        await page.Find($"[data-testid=mailbox-edit-{id}]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=mailbox-form]"));
        Assert.Equal("", page.Find("input[data-testid=mailbox-imap-password]").GetAttribute("value") ?? "");
        Assert.Contains("Leave empty to keep it", page.Find("[data-testid=mailbox-form]").TextContent);
        await page.Find("input[data-testid=mailbox-address]").ChangeAsync(new() { Value = "not an address" });
        await page.Find("[data-testid=mailbox-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Not a valid email address.", page.Find("[data-testid=mailbox-form]").TextContent));
        Assert.Equal("help@example.com", (await desk.ListAsync(MailWorld.Supervisor)).Single().Address);
    }

    [Fact]
    public async Task A_reply_shows_sending_then_not_sent_with_the_reason_and_retry_time_and_sent_only_once_accepted()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var at = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

        var sending = ctx.Render<EmailSendState>(p => p.Add(c => c.State, new MailSendState(1, MailSendStatus.Pending, 0, at, null, null)));
        var retrying = ctx.Render<EmailSendState>(p => p.Add(c => c.State, new MailSendState(1, MailSendStatus.Pending, 2, at, "Connection refused", null)));
        var sent = ctx.Render<EmailSendState>(p => p.Add(c => c.State, new MailSendState(1, MailSendStatus.Sent, 1, at, null, at)));
        var failed = ctx.Render<EmailSendState>(p => p.Add(c => c.State, new MailSendState(1, MailSendStatus.Failed, 8, at, "550 mailbox unavailable", null)));
        var none = ctx.Render<EmailSendState>(p => p.Add(c => c.State, null));

        Assert.NotNull(sending.Find("[data-testid=email-sending]"));
        Assert.Contains("Not sent yet: Connection refused (retrying at", retrying.Find("[data-testid=email-retrying]").TextContent);
        Assert.Contains("11:00", retrying.Markup); // 03:00 UTC in Shanghai
        Assert.NotNull(sent.Find("[data-testid=email-sent]"));
        Assert.Contains("E-mail failed: 550 mailbox unavailable", failed.Find("[data-testid=email-failed]").TextContent);
        Assert.Contains("no mailbox is configured", none.Markup);
        Assert.Empty(retrying.FindAll("[data-testid=email-sent]"));
    }

    [Fact]
    public async Task An_email_entry_names_its_sender_and_offers_attachments_only_as_downloads_or_says_why_one_was_not_kept()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var hash = new string('a', 64);
        var mail = new EntryMail(1, "Wang Fang", "wang.fang@customer.test", "<b>Parcel</b>", new string('b', 64),
            [new AttachmentRow("photo.jpg", "image/jpeg", 200_000, hash), new AttachmentRow("video.mp4", "video/mp4", 50L * 1024 * 1024, null)]);

        var entry = ctx.Render<EmailEntryHeader>(p => p.Add(c => c.Mail, mail));

        Assert.Contains("Wang Fang <wang.fang@customer.test>", entry.Find("[data-testid=email-entry]").TextContent);
        Assert.Contains("&lt;b&gt;Parcel&lt;/b&gt;", entry.Markup);
        Assert.Equal($"service/mail/files/{hash}", entry.Find("[data-testid=email-attachment]").GetAttribute("href"));
        Assert.Contains("video.mp4 (50.0 MB) not kept: over the size limit", entry.Find("[data-testid=email-attachment-refused]").TextContent);
        Assert.Empty(entry.FindAll("img"));
    }
}

using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Org;

public sealed class UserPreferencesTests
{
    [Fact]
    public async Task Dark_mode_and_language_are_remembered_per_user()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
        await using var db = harness.NewDb();
        var agent = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
        var designer = await db.Users.SingleAsync(u => u.UserName == "designer@ecomops.local");
        var preferences = harness.Get<UserPreferences>();

        await preferences.SetDarkModeAsync(agent.Id, true);
        await preferences.SetCultureAsync(agent.Id, "zh-Hans");

        Assert.Equal(("zh-Hans", true), await preferences.GetAsync(agent.Id));
        Assert.Equal(((string?)null, false), await preferences.GetAsync(designer.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => preferences.SetCultureAsync(agent.Id, "fr"));
    }
}

using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace EcomOps.Tests.Data;

/// <summary>
/// The Data Protection keys live in the database (DatabaseKeyRepository): what one server protects (a sign-in cookie, a
/// mailbox password), every other server of the cluster reads.
/// </summary>
public sealed class SharedKeysTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task What_one_server_protects_the_other_reads_even_when_both_made_their_first_key_at_the_same_moment(DatabaseProvider engine)
    {
        if (engine == DatabaseProvider.PostgreSql)
        {
            PostgresServer.Require();
        }
        await using var a = await DomainHarness.StartAsync(provider: engine);
        await using var b = await a.BesideAsync();
        var (fromA, fromB) = (a.Get<IDataProtectionProvider>().CreateProtector("test"), b.Get<IDataProtectionProvider>().CreateProtector("test"));

        // Both servers start on an empty key store and protect at once: each may make a key of its own.
        var protectedTexts = await Task.WhenAll(Task.Run(() => fromA.Protect("from A")), Task.Run(() => fromB.Protect("from B")));

        Assert.Equal("from A", fromB.Unprotect(protectedTexts[0]));
        Assert.Equal("from B", fromA.Unprotect(protectedTexts[1]));
    }
}

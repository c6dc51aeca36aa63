using System.Security.Claims;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using EcomOps.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EcomOps.Console.Auth;

public enum SignInAnswer
{
    SignedIn,

    /// <summary>Wrong password, unknown e-mail or inactive employee: one answer for all three.</summary>
    Failed,

    /// <summary>Too many failures for this e-mail from several clients; said alike for real and unknown e-mails.</summary>
    LockedOut,

    /// <summary>This client has used up its failed attempts: nothing was checked (429).</summary>
    ClientLimited,
}

public sealed record SignInVerdict(SignInAnswer Answer, TimeSpan RetryAfter = default);

/// <summary>
/// The sign-in check, built so that it tells a guesser nothing and no one can lock a colleague out from their own machine:
/// <list type="bullet">
/// <item>a client (IP address) that has failed <c>FailuresPerClient</c> times within the window is refused (429) before
/// any password is looked at, so its attempts stop counting against anybody's sign-in;</item>
/// <item>an e-mail is locked after <c>LockoutThreshold</c> failures within the window from any clients — a higher number,
/// so it takes several clients; known and unknown e-mails are counted and answered the same way;</item>
/// <item>a password is always checked against a hash — the user's, or a stand-in for an unknown e-mail — so the answer
/// takes the same time whether the e-mail exists or not.</item>
/// </list>
/// The counts live in this server's memory (a restart forgets them); a lock on a real sign-in is also stored (Identity's
/// lockout end), so it holds on every server.
/// </summary>
public sealed class SignInGuard : IDisposable
{
    private readonly IOptions<RateLimitSettings> _settings;
    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<string> _clientFailures;
    private readonly PartitionedRateLimiter<string> _accountFailures;
    private readonly string _standInHash;

    public SignInGuard(IOptions<RateLimitSettings> settings, IPasswordHasher<OpsUser> hasher, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        var limits = settings.Value.SignIn;
        _clientFailures = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetSlidingWindowLimiter(client, _ => Window(limits.FailuresPerClient, limits.FailureWindow)));
        _accountFailures = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetSlidingWindowLimiter(account, _ => Window(limits.LockoutThreshold, limits.FailureWindow)));
        // Made once, up front: making it on the first unknown e-mail would make that answer slower than the others.
        _standInHash = hasher.HashPassword(new OpsUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public TimeSpan LockoutDuration => _settings.Value.SignIn.LockoutDuration;

    public async Task<SignInVerdict> SignInAsync(SignInManager<OpsUser> signIn, string client, string email, string password, bool remember)
    {
        using (var budget = _clientFailures.AttemptAcquire(client, 0))
        {
            if (!budget.IsAcquired)
            {
                return new SignInVerdict(SignInAnswer.ClientLimited, RetryAfter(budget));
            }
        }

        var users = signIn.UserManager;
        var account = users.NormalizeName(email) ?? email;
        var user = await users.FindByNameAsync(email);
        // The same work for a known and an unknown e-mail: one hash verification each.
        var passwordRight = false;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new OpsUser(), _standInHash, password);
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, password);
        }

        if (await IsLockedAsync(users, account, user))
        {
            return new SignInVerdict(SignInAnswer.LockedOut);
        }
        if (passwordRight && user is not null && await signIn.CanSignInAsync(user))
        {
            // As PasswordSignInAsync does: the sign-in says it was made with a password.
            await signIn.SignInWithClaimsAsync(user, remember, [new Claim("amr", "pwd")]);
            return new SignInVerdict(SignInAnswer.SignedIn);
        }

        _clientFailures.AttemptAcquire(client).Dispose();
        using var accountBudget = _accountFailures.AttemptAcquire(account);
        if (!accountBudget.IsAcquired || await IsLockedAsync(users, account, user))
        {
            if (user is not null && await users.GetLockoutEnabledAsync(user))
            {
                await users.SetLockoutEndDateAsync(user, _clock.GetUtcNow() + LockoutDuration);
            }
            return new SignInVerdict(SignInAnswer.LockedOut);
        }
        return new SignInVerdict(SignInAnswer.Failed);
    }

    private async Task<bool> IsLockedAsync(UserManager<OpsUser> users, string account, OpsUser? user)
    {
        using (var left = _accountFailures.AttemptAcquire(account, 0))
        {
            if (!left.IsAcquired)
            {
                return true;
            }
        }
        return user is not null && await users.IsLockedOutAsync(user);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static SlidingWindowRateLimiterOptions Window(int permitLimit, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(permitLimit, 1),
        Window = window > TimeSpan.Zero ? window : TimeSpan.FromMinutes(15),
        SegmentsPerWindow = 15,
        QueueLimit = 0,
    };

    public void Dispose()
    {
        _clientFailures.Dispose();
        _accountFailures.Dispose();
    }
}

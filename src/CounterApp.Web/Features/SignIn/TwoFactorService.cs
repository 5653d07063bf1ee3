using System.Globalization;
using System.Security.Claims;
using System.Text;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace CounterApp.Web.Features.SignIn;

/// <summary>How the second sign-in step ended.</summary>
public enum SecondStepOutcome
{
    SignedIn,
    Failed,
    LockedOut,
    NoPendingSignIn,
}

/// <summary>What the enrolment page shows: the shared key (grouped by 4 for typing), the otpauth:// URI and its QR code.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrPngDataUri)
{
    public string GroupedKey => string.Join(' ', Key.Chunk(4).Select(c => new string(c)));
}

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's authenticator token provider): enrolment with a
/// QR code, the second sign-in step (authenticator code or a one-time recovery code; every failure counts toward the
/// lockout), and a reset. Audited (R-X-01); keys, codes and recovery codes are never audited or logged (R-X-02).
/// </summary>
public sealed class TwoFactorService(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditTrail audit, IHttpContextAccessor http, CounterDbContext db)
{
    public const string Issuer = "CounterApp";

    public const int RecoveryCodeCount = 10;

    /// <summary>The member of staff who passed the password step and owes the second one, or null.</summary>
    public Task<StaffUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    /// <summary>The second step: six digits are an authenticator code, anything else a recovery code (used up when it works).</summary>
    public async Task<SecondStepOutcome> SecondStepAsync(string? typed, CancellationToken cancellationToken = default)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SecondStepOutcome.NoPendingSignIn;
        }

        var code = Normalise(typed);
        var isAuthenticatorCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        // Recovery codes look like "ABCDE-FGHJK": only spaces are dropped, letters upper-cased.
        var recoveryCode = Compact(typed).ToUpperInvariant();
        SignInResult result;
        if (isAuthenticatorCode)
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        }
        else
        {
            var failedBefore = user.AccessFailedCount;
            result = recoveryCode.Length == 0 ? SignInResult.Failed : await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
            // A wrong recovery code counts toward the lockout like a wrong authenticator code.
            if (!result.Succeeded && !result.IsLockedOut && user.AccessFailedCount == failedBefore && !await users.IsLockedOutAsync(user))
            {
                await users.AccessFailedAsync(user);
            }

            if (!result.Succeeded && await users.IsLockedOutAsync(user))
            {
                result = SignInResult.LockedOut;
            }
        }

        var outcome = result switch
        {
            { Succeeded: true } => SecondStepOutcome.SignedIn,
            { IsLockedOut: true } => SecondStepOutcome.LockedOut,
            _ => SecondStepOutcome.Failed,
        };
        await audit.AppendAsync(
            new AuditEvent
            {
                Actor = user.UserName ?? "anonymous",
                Action = "staff.signed-in-second-step",
                Outcome = outcome == SecondStepOutcome.SignedIn ? AuditOutcomes.Succeeded : AuditOutcomes.Refused,
                Details = new Dictionary<string, string?>
                {
                    ["method"] = isAuthenticatorCode ? "authenticator" : "recovery-code",
                    ["result"] = outcome.ToString(),
                    ["recoveryCodesLeft"] = outcome == SecondStepOutcome.SignedIn && !isAuthenticatorCode
                        ? (await users.CountRecoveryCodesAsync(user)).ToString(CultureInfo.InvariantCulture)
                        : null,
                },
            },
            cancellationToken);
        return outcome;
    }

    /// <summary>The user's authenticator key (created on first use) with its otpauth:// URI and QR code.</summary>
    public async Task<AuthenticatorSetup> SetupAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
            // The key changed the security stamp: re-issue the cookie so the session stays valid.
            await ReissueCookieAsync(user);
        }

        var label = Uri.EscapeDataString(Issuer) + ":" + Uri.EscapeDataString(user.UserName ?? user.Id);
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(key, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-factor sign-in on when the code matches the key; returns the recovery codes to show once, or null.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmEnrolmentAsync(StaffUser user, string? typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Normalise(typed);
        var valid = code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.two-factor-enrolled", Outcome = AuditOutcomes.Refused, Details = new Dictionary<string, string?> { ["result"] = "WrongCode" } }, cancellationToken);
            return null;
        }

        // 2FA on, its recovery codes and the audit entry are one change: never 2FA without the codes the user saw.
        List<string> codes;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.two-factor-enrolled", Outcome = AuditOutcomes.Succeeded, Details = new Dictionary<string, string?> { ["recoveryCodes"] = codes.Count.ToString(CultureInfo.InvariantCulture) } }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ReissueCookieAsync(user);
        return codes;
    }

    /// <summary>
    /// Turns two-factor sign-in off and forgets the key and recovery codes (the member of staff or an administrator).
    /// A role that needs 2FA is sent back to enrolment at the next request or sign-in.
    /// </summary>
    public static async Task ResetAsync(UserManager<StaffUser> users, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        Check(await users.ResetAuthenticatorKeyAsync(user));
    }

    /// <summary>The member of staff resets their own 2FA after typing their password again.</summary>
    public async Task<bool> ResetOwnAsync(StaffUser user, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var check = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.two-factor-reset", Outcome = AuditOutcomes.Refused, Details = new Dictionary<string, string?> { ["by"] = user.UserName, ["result"] = check.IsLockedOut ? "LockedOut" : "WrongCredentials" } }, cancellationToken);
            return false;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await audit.LockChainAsync(cancellationToken);
            await ResetAsync(users, user);
            await audit.AppendAsync(new AuditEvent { Actor = user.UserName!, Action = "staff.two-factor-reset", Outcome = AuditOutcomes.Succeeded, Details = new Dictionary<string, string?> { ["by"] = user.UserName } }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ReissueCookieAsync(user);
        return true;
    }

    /// <summary>A new sign-in cookie from the user's current state, keeping the counter the clerk chose.</summary>
    public async Task ReissueCookieAsync(StaffUser user)
    {
        var current = http.HttpContext?.User;
        var keep = current?.Claims.Where(c => c.Type is StaffClaims.Counter or "amr").Select(c => new Claim(c.Type, c.Value)).ToList() ?? [];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, keep);
    }

    /// <summary>An authenticator code as typed, full-width digits folded, spaces and hyphens dropped.</summary>
    private static string Normalise(string? typed) => Compact(typed).Replace("-", string.Empty, StringComparison.Ordinal);

    private static string Compact(string? typed)
    {
        var builder = new StringBuilder();
        foreach (var c in (typed ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

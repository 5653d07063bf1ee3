using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Credentials;
using CounterApp.Web.Features.CardSession;

namespace CounterApp.Web.Features.CardServices;

/// <summary>
/// R-CA-01 パスワードロック解除: in person (R-PX-03), identity re-checked, the certificate locked as read from the card;
/// the resident's new password (typed twice) is set by the card session, which clears the record's lock and audits.
/// The passwords are zeroed before this returns (R-X-02).
/// </summary>
public sealed class UnlockCertificateHandler(CardServiceCheck check, CardSessionService cards)
{
    public async Task<CardServiceResult> HandleAsync(
        CardServiceCall call, ISmartCardConnection connection, char[] newPassword, char[] confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        ArgumentNullException.ThrowIfNull(confirmation);
        try
        {
            var broken = CredentialRules.NewPassword(newPassword, confirmation, "newPassword").ToList();
            if (broken.Count > 0)
            {
                return CardServiceResult.Invalid(broken);
            }

            var (found, stop) = await check.CheckAsync(Procedure.Unlock, call, connection, cancellationToken);
            if (found is null)
            {
                return stop!;
            }

            var session = await cards.UnlockAsync(connection, found.Context(call.Actor), newPassword, cancellationToken);
            return CardServiceOutcomes.From(session);
        }
        finally
        {
            Array.Clear(newPassword);
            Array.Clear(confirmation);
        }
    }
}

using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Credentials;
using CounterApp.Web.Features.CardSession;

namespace CounterApp.Web.Features.CardServices;

/// <summary>
/// R-CA-02 パスワード変更: in person (R-PX-03) with the card (plus a photo document when the card has none); the
/// resident enters the current password and the new one twice. A wrong current password shows the tries left.
/// The passwords are zeroed before this returns (R-X-02).
/// </summary>
public sealed class ChangePasswordHandler(CardServiceCheck check, CardSessionService cards)
{
    public async Task<CardServiceResult> HandleAsync(
        CardServiceCall call, ISmartCardConnection connection, char[] currentPassword, char[] newPassword, char[] confirmation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        ArgumentNullException.ThrowIfNull(confirmation);
        try
        {
            var broken = CredentialRules.NewPassword(newPassword, confirmation, "newPassword").ToList();
            if (CredentialRules.CurrentPassword(currentPassword, "currentPassword") is { } current)
            {
                broken.Insert(0, current);
            }

            if (broken.Count > 0)
            {
                return CardServiceResult.Invalid(broken);
            }

            var (found, stop) = await check.CheckAsync(Procedure.PasswordChange, call, connection, cancellationToken);
            if (found is null)
            {
                return stop!;
            }

            var session = await cards.ChangePasswordAsync(connection, found.Context(call.Actor), currentPassword, newPassword, cancellationToken);
            return CardServiceOutcomes.From(session);
        }
        finally
        {
            Array.Clear(currentPassword);
            Array.Clear(newPassword);
            Array.Clear(confirmation);
        }
    }
}

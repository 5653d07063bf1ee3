using CounterApp.Card.Connection;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Credentials;
using CounterApp.Web.Features.CardSession;

namespace CounterApp.Web.Features.CardServices;

/// <summary>
/// R-CA-03 暗証番号の再設定: in person (R-PX-03), identity re-checked; the resident's new 4-digit card PIN (typed twice)
/// is set by the card session (also when the old one is blocked). The PINs are zeroed before this returns (R-X-02).
/// </summary>
public sealed class ResetCardPinHandler(CardServiceCheck check, CardSessionService cards)
{
    public async Task<CardServiceResult> HandleAsync(
        CardServiceCall call, ISmartCardConnection connection, char[] newCardPin, char[] confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newCardPin);
        ArgumentNullException.ThrowIfNull(confirmation);
        try
        {
            var broken = CredentialRules.NewCardPin(newCardPin, confirmation, "newCardPin").ToList();
            if (broken.Count > 0)
            {
                return CardServiceResult.Invalid(broken);
            }

            var (found, stop) = await check.CheckAsync(Procedure.CardPinReset, call, connection, cancellationToken);
            if (found is null)
            {
                return stop!;
            }

            var session = await cards.ResetCardPinAsync(connection, found.Context(call.Actor), newCardPin, cancellationToken);
            return CardServiceOutcomes.From(session);
        }
        finally
        {
            Array.Clear(newCardPin);
            Array.Clear(confirmation);
        }
    }
}

using CounterApp.Domain.Applications;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.CardServices;

/// <summary>
/// R-CA-01: unlocking needs a certificate that is actually locked; R-CA-02: a password change needs a certificate in
/// force that is not locked (a locked one is unlocked instead, which resets the password). PIN reset needs neither.
/// </summary>
public sealed class CertificateStateRule(CardServiceRequest request) : BusinessRule(request.RuleId, "certificate")
{
    private string? Problem()
    {
        if (request.Procedure == Procedure.CardPinReset)
        {
            return null;
        }

        var certificate = request.Certificate;
        if (certificate is null || !certificate.IsValidOn(request.Today))
        {
            return CardServiceMessages.Catalog.Format("NoValidCertificate");
        }

        return request.Procedure switch
        {
            Procedure.Unlock when !certificate.IsLocked => CardServiceMessages.Catalog.Format("NotLocked"),
            Procedure.PasswordChange when certificate.IsLocked => CardServiceMessages.Catalog.Format("LockedUseUnlock"),
            _ => null,
        };
    }

    public override bool IsBroken() => Problem() is not null;

    public override string Message => Problem() ?? string.Empty;
}

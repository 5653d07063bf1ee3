using CounterApp.Domain.Periods;
using CounterApp.Domain.Rules;

namespace CounterApp.Domain.Proxies;

/// <summary>
/// R-PX-02: the 印鑑登録証明書 was issued within the last 3 months, counted by the Civil Code from its issue date
/// (issued 22 August: usable through 22 November). Whether its seal is the one on the 委任状 is a separate
/// item of the checklist (<see cref="SecondVisitRules"/>), so a certificate both old and of another seal lists both.
/// </summary>
public sealed class SealCertificateRecentRule(SealCertificate certificate, DateOnly today) : BusinessRule("R-PX-02", "sealCertificate.issuedOn")
{
    public const int ValidMonths = 3;

    public DateOnly UsableThrough => CivilCodePeriod.EndOfMonths(certificate.IssuedOn, ValidMonths);

    private string? Problem()
    {
        if (certificate.IssuedOn > today)
        {
            return ProxyMessages.Catalog.Format("SealCertificateFuture", certificate.IssuedOn);
        }

        return today > UsableThrough
            ? ProxyMessages.Catalog.Format("SealCertificateOld", certificate.IssuedOn, UsableThrough)
            : null;
    }

    public override bool IsBroken() => Problem() is not null;

    public override string Message => Problem() ?? string.Empty;
}

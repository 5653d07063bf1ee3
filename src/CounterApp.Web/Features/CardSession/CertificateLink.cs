using CounterApp.Domain.Certificates;
using CounterApp.Pki.Issuance;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Features.CardSession;

/// <summary>The counter's link to a certificate the CA issued: which resident, which card, which application.</summary>
public static class CertificateLink
{
    public static CertificateRecord For(IssuedCertificate issued, ResidentCardRecord card, Guid? applicationId)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(card);
        return new CertificateRecord
        {
            Serial = issued.Serial.Hex,
            ResidentId = card.ResidentId,
            CardId = card.Id,
            ApplicationId = applicationId,
            IssuedOn = issued.Validity.IssuedOn,
            ExpiresOn = issued.Validity.ExpiresOn,
            Status = CertificateStatus.Active,
            Der = issued.Der.ToArray(),
        };
    }
}

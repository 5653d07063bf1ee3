using CounterApp.Pki.Issuance;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Features.CardSession;

/// <summary>The counter's link to a certificate the CA issued: which resident, which card, which application (its status and DER are the CA register's).</summary>
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
        };
    }
}

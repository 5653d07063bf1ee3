using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Periods;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Issuance;

/// <summary>A certificate just signed and recorded, with the R-CE-03 validity it was made from. Disposing it releases the certificate.</summary>
public sealed record IssuedCertificate(CertificateSerial Serial, X509Certificate2 Certificate, CertificateValidity Validity) : IDisposable
{
    public void Dispose() => Certificate.Dispose();

    /// <summary>The certificate as the domain tracks it, once it is on the card numbered <paramref name="cardNumber"/>.</summary>
    public Certificate ToDomain(string cardNumber) =>
        new(Serial.Hex, cardNumber, Validity.IssuedOn, Validity.ExpiresOn, CertificateStatus.Active);
}

using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Periods;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Issuance;

/// <summary>
/// A certificate just signed and recorded, with the R-CE-03 validity it was made from. <see cref="Certificate"/> is
/// loaded from <see cref="Der"/> the first time it is asked for; disposing this releases it.
/// </summary>
public sealed class IssuedCertificate : IDisposable
{
    private readonly Lock _lock = new();
    private X509Certificate2? _certificate;
    private bool _disposed;

    public IssuedCertificate(CertificateSerial serial, ReadOnlyMemory<byte> der, CertificateValidity validity)
    {
        ArgumentNullException.ThrowIfNull(validity);
        Serial = serial;
        Der = der;
        Validity = validity;
    }

    public CertificateSerial Serial { get; }

    /// <summary>The certificate, DER, as stored.</summary>
    public ReadOnlyMemory<byte> Der { get; }

    public CertificateValidity Validity { get; }

    /// <summary>The certificate, loaded on first use. Owned by this object: do not dispose it.</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed before the certificate was loaded.</exception>
    public X509Certificate2 Certificate
    {
        get
        {
            var certificate = Volatile.Read(ref _certificate);
            if (certificate is not null)
            {
                return certificate;
            }

            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed && _certificate is null, this);
                return _certificate ??= X509CertificateLoader.LoadCertificate(Der.Span);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _certificate?.Dispose();
        }
    }

    /// <summary>The certificate as the domain tracks it, once it is on the card numbered <paramref name="cardNumber"/>.</summary>
    public Certificate ToDomain(string cardNumber) =>
        new(Serial.Hex, cardNumber, Validity.IssuedOn, Validity.ExpiresOn, CertificateStatus.Active);
}

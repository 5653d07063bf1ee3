using System.Security.Cryptography.X509Certificates;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>
/// Signs with a fresh random serial and records the result; if the store's unique index refuses the serial, signs
/// again with another. With 126 random bits a retry never happens in practice, but the store, not chance, decides.
/// </summary>
internal static class UniqueSerials
{
    private const int Attempts = 5;

    public static (CertificateSerial Serial, StoredCertificate Stored) SignAndStore(
        ICertificateStore store, CertificateKind kind, Func<CertificateSerial, byte[]> sign)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var serial = CertificateSerial.NewRandom();
            var der = sign(serial);
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            var stored = new StoredCertificate(serial, kind, der, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
            if (store.TryAdd(stored))
            {
                return (serial, stored);
            }
        }

        throw new InvalidOperationException($"The certificate store refused {Attempts} random serials in a row; check its unique index.");
    }

    /// <summary>
    /// As above, for a signer that knows the validity it wrote: the signed DER is stored without being parsed back.
    /// With a <paramref name="requestId"/>, a request that already has a certificate (asked twice, or by two threads at
    /// once) gets that certificate back, never a second one.
    /// </summary>
    public static (CertificateSerial Serial, StoredCertificate Stored) SignAndStore(
        ICertificateStore store, CertificateKind kind, DateTimeOffset notBefore, DateTimeOffset notAfter, Func<CertificateSerial, byte[]> sign, Guid? requestId = null)
    {
        var storedNotBefore = Validity.ToSeconds(notBefore).ToUniversalTime();
        var storedNotAfter = Validity.ToSeconds(notAfter).ToUniversalTime();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var serial = CertificateSerial.NewRandom();
            var stored = new StoredCertificate(serial, kind, sign(serial), storedNotBefore, storedNotAfter, RequestId: requestId);
            if (store.TryAdd(stored))
            {
                return (serial, stored);
            }

            if (requestId is { } request && store.FindByRequest(request) is { } first)
            {
                return (first.Serial, first);
            }
        }

        throw new InvalidOperationException($"The certificate store refused {Attempts} random serials in a row; check its unique index.");
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Authority;

/// <summary>The current delegated OCSP signer: its certificate, its key, and the SHA-1 key hash that is its ResponderID.</summary>
internal sealed class Responder : IDisposable
{
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6960 defines ResponderID byKey as a SHA-1 hash; it identifies, it does not protect.")]
    public Responder(X509Certificate2 certificate, KeySigner signer)
    {
        Certificate = certificate;
        Signer = signer;
        KeyHash = SHA1.HashData(certificate.PublicKey.EncodedKeyValue.RawData);
    }

    public X509Certificate2 Certificate { get; }

    public KeySigner Signer { get; }

    /// <summary>ResponderID byKey: SHA-1 of the subjectPublicKey BIT STRING's value (RFC 6960 §4.2.1).</summary>
    public byte[] KeyHash { get; }

    public void Dispose()
    {
        Signer.Dispose();
        Certificate.Dispose();
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Authority;

/// <summary>
/// A CA or responder key with every use serialised: .NET does not promise an <see cref="RSA"/> instance is safe for
/// concurrent use, and an HSM session usually is not. Signing is sha256WithRSAEncryption, PKCS#1 v1.5, throughout.
/// </summary>
internal sealed class KeySigner : IDisposable
{
    private readonly RSA _key;
    private readonly X509SignatureGenerator _generator;
    private readonly Lock _lock = new();

    public KeySigner(RSA key)
    {
        _key = key;
        _generator = X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        PublicKey = PublicKey.CreateFromSubjectPublicKeyInfo(SubjectPublicKeyInfo, out _);
        SignatureAlgorithm = _generator.GetSignatureAlgorithmIdentifier(HashAlgorithmName.SHA256);
    }

    /// <summary>The AlgorithmIdentifier of what this key signs (sha256WithRSAEncryption), DER.</summary>
    public byte[] SignatureAlgorithm { get; }

    public PublicKey PublicKey { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Runs a build-and-sign step (certificate, CRL) with the key held.</summary>
    public T Use<T>(Func<X509SignatureGenerator, T> sign)
    {
        lock (_lock)
        {
            return sign(_generator);
        }
    }

    public byte[] SignData(byte[] data)
    {
        lock (_lock)
        {
            return _key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    /// <summary>True when <paramref name="certificate"/> carries this key's public half.</summary>
    public bool Matches(X509Certificate2 certificate) =>
        certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(SubjectPublicKeyInfo);

    public void Dispose() => _key.Dispose();
}

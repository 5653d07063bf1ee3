using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Card.Tests.Support;

/// <summary>
/// A throwaway self-signed CA that certifies a card's public key (the prefectural CA lives in CounterApp.Pki;
/// these tests only need a certificate for the card's key).
/// </summary>
internal sealed class TestCa : IDisposable
{
    private static readonly Lazy<TestCa> SharedCa = new(() => new TestCa());
    private readonly RSA _key = RSA.Create(2048);

    /// <summary>One CA for the whole run (its key takes a while to make); never disposed.</summary>
    public static TestCa Shared => SharedCa.Value;

    private TestCa()
    {
        var request = new CertificateRequest("CN=Test Prefecture Governor CA, O=CounterApp Tests, C=JP", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Issues a signing certificate for the SubjectPublicKeyInfo the card gave.</summary>
    public X509Certificate2 Issue(byte[] subjectPublicKeyInfo, string commonName = "Test Resident")
    {
        var publicKey = PublicKey.CreateFromSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}, C=JP"), publicKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return request.Create(Certificate, now.AddMinutes(-5), now.AddYears(3), serial);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}

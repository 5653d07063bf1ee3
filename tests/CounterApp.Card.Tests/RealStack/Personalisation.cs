using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Client;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.RealStack;

/// <summary>The issuance steps the counter runs (R-CE-01, R-CE-05): issuer auth, key on the card, certificates, password.</summary>
internal static class Personalisation
{
    public static async Task<X509Certificate2> RunAsync(ResidentCardClient client, TestCa ca, string password)
    {
        await client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        var publicKey = await client.GenerateKeyPairAsync();
        var certificate = ca.Issue(publicKey.ToSubjectPublicKeyInfo());
        await client.WriteSigningCertificateAsync(certificate.RawData);
        await client.WriteCaCertificateAsync(ca.Certificate.RawData);
        await client.SetInitialPasswordAsync(password.AsMemory());
        return certificate;
    }
}

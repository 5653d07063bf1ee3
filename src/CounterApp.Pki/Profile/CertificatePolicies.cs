using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace CounterApp.Pki.Profile;

/// <summary>certificatePolicies with the one policy OID the CA is configured with (no qualifiers).</summary>
internal static class CertificatePolicies
{
    public static X509Extension Create(string policyOid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(policyOid);
            }
        }

        return new X509Extension(Oids.CertificatePolicies, writer.Encode(), critical: false);
    }
}

namespace CounterApp.Pki.Ocsp;

/// <summary>A decoded OCSPRequest: the CertIDs asked about and, when sent, the nonce extension's value to echo.</summary>
/// <param name="Nonce">The nonce extension's extnValue as received (RFC 8954), or null.</param>
public sealed record OcspRequest(IReadOnlyList<OcspCertId> CertIds, ReadOnlyMemory<byte>? Nonce);

using System.Numerics;

namespace CounterApp.Pki.Crl;

/// <summary>A signed full CRL (DER, as served at /crl/{id}.crl) and what the server needs to cache it.</summary>
/// <param name="Revision">The CA's <c>RevocationRevision</c> the list was built from.</param>
public sealed record CrlDocument(ReadOnlyMemory<byte> Der, BigInteger Number, DateTimeOffset ThisUpdate, DateTimeOffset NextUpdate, int EntryCount, long Revision);

using System.Globalization;
using System.Text;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Store;

namespace CounterApp.Benchmarks.Crl;

/// <summary>
/// The revoked certificates both sides list: random 16-octet serials as the CA makes them, revocation times over the
/// last three years (whole seconds), and the five reasons the counter uses in equal shares. Each entry goes into the CA's
/// store (without certificate bytes: a CRL never reads them) and, as the same line, into OpenSSL's index.txt.
/// </summary>
internal sealed class RevokedSet(string indexFile)
{
    private static readonly RevocationReason[] Reasons =
    [
        RevocationReason.Unspecified, RevocationReason.KeyCompromise, RevocationReason.AffiliationChanged,
        RevocationReason.Superseded, RevocationReason.CessationOfOperation,
    ];

    // Fixed seed: the same mix of times and reasons every run (serials come from the CSPRNG, as the CA's do).
#pragma warning disable CA5394 // Benchmark data, not security: the spread of times and reasons only.
    private readonly Random _random = new(20240401);
#pragma warning restore CA5394

    public int Count { get; private set; }

    /// <summary>Adds entries until there are <paramref name="total"/>.</summary>
    public void GrowTo(InMemoryCertificateStore store, int total)
    {
        // Whole seconds, as the CA stores revocation times.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var start = now.AddYears(-3);
        var span = (long)(now - start).TotalSeconds;
        using var index = new StreamWriter(indexFile, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20);
        var line = new StringBuilder(160);
        while (Count < total)
        {
            var serial = CertificateSerial.NewRandom();
#pragma warning disable CA5394 // See the field.
            var revokedAt = start.AddSeconds(_random.NextInt64(span));
            var reason = Reasons[_random.Next(Reasons.Length)];
#pragma warning restore CA5394
            var notBefore = revokedAt.AddDays(-30);
            var notAfter = notBefore.AddYears(3);
            var stored = new StoredCertificate(serial, CertificateKind.Subscriber, ReadOnlyMemory<byte>.Empty, notBefore, notAfter, new CertificateRevocation(revokedAt, reason));
            if (!store.TryAdd(stored))
            {
                continue;
            }

            index.Write(IndexLine(line, serial, revokedAt, notAfter, reason));
            Count++;
        }
    }

    /// <summary>
    /// One index.txt line as <c>openssl ca -revoke</c> writes it: status R, expiry, revocation time[,reason], serial,
    /// file name, subject. "unspecified" is written without a reason, so OpenSSL, like the CA (RFC 5280 §5.3.1), puts
    /// no reasonCode in the entry and both lists carry the same bytes per entry.
    /// </summary>
    private static StringBuilder IndexLine(StringBuilder line, CertificateSerial serial, DateTimeOffset revokedAt, DateTimeOffset notAfter, RevocationReason reason)
    {
        line.Clear();
        line.Append("R\t").Append(UtcTime(notAfter)).Append('\t').Append(UtcTime(revokedAt));
        if (OpenSslReason(reason) is { } name)
        {
            line.Append(',').Append(name);
        }

        return line.Append('\t').Append(serial.Hex).Append("\tunknown\t/C=JP/ST=富山県/L=上市町/CN=").Append(serial.Hex).Append('\n');
    }

    private static string UtcTime(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyMMddHHmmss'Z'", CultureInfo.InvariantCulture);

    private static string? OpenSslReason(RevocationReason reason) => reason switch
    {
        RevocationReason.Unspecified => null,
        RevocationReason.KeyCompromise => "keyCompromise",
        RevocationReason.AffiliationChanged => "affiliationChanged",
        RevocationReason.Superseded => "superseded",
        RevocationReason.CessationOfOperation => "cessationOfOperation",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reason the counter uses."),
    };
}

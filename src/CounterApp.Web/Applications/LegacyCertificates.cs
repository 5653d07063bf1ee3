using CounterApp.Domain.Time;
using CounterApp.Pki.Store;
using CounterApp.Web.Data.Entities;

namespace CounterApp.Web.Applications;

/// <summary>
/// The CA register's row for a certificate issued before the register kept certificates (the demo town's residents'
/// certificates, and counter rows schema 0013 found without a CA row): its serial, validity and status, no DER. OCSP
/// and the CRL answer for it like any other, so the counter's pages and the CA still cannot disagree; the copy
/// (電子証明書の写し), which needs the certificate itself, is not offered for it.
/// </summary>
public static class LegacyCertificates
{
    /// <summary>A legacy row of the CA register, unrevoked; validity from 00:00 JST of the first day to 23:59:59 JST of the last.</summary>
    public static CaCertificateRecord Record(string authorityId, string serial, DateOnly issuedOn, DateOnly expiresOn) => new()
    {
        AuthorityId = authorityId,
        Serial = serial,
        Kind = CertificateKind.Subscriber,
        Der = [],
        NotBefore = TokyoClock.FromTokyo(issuedOn.ToDateTime(TimeOnly.MinValue)).UtcDateTime,
        NotAfter = TokyoClock.FromTokyo(expiresOn.ToDateTime(new TimeOnly(23, 59, 59))).UtcDateTime,
    };
}

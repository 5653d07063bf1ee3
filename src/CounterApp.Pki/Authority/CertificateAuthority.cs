using System.Security.Cryptography.X509Certificates;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Crl;
using CounterApp.Pki.Custody;
using CounterApp.Pki.Fingerprints;
using CounterApp.Pki.Issuance;
using CounterApp.Pki.Profile;
using CounterApp.Pki.Store;

namespace CounterApp.Pki.Authority;

/// <summary>
/// One prefectural CA, open and ready to sign: 富山県知事's for the demo. Create it with <see cref="OpenOrCreate"/>;
/// it is thread-safe and meant to live as long as the app (a singleton per prefecture).
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    /// <summary>How far ahead of the CA's clock a revocation time may lie (clock skew between servers).</summary>
    public static readonly TimeSpan RevocationClockSkew = TimeSpan.FromMinutes(5);

    private readonly IKeyCustody _custody;
    private readonly Lock _responderLock = new();
    private readonly List<Responder> _retiredResponders = [];
    private volatile Responder? _responder;
    private long _revocationRevision;
    private SubscriberCertificateEncoder? _subscriberEncoder;

    internal CertificateAuthority(
        AuthorityProfile profile, X509Certificate2 certificate, KeySigner signer, IKeyCustody custody, ICertificateStore store, TimeProvider time)
    {
        Profile = profile;
        Certificate = certificate;
        Signer = signer;
        _custody = custody;
        Store = store;
        Time = time;
    }

    public AuthorityProfile Profile { get; }

    /// <summary>The self-signed CA certificate, as published at /ca/{id}.cer. Owned by the CA: do not dispose it.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The current delegated OCSP signing certificate (replaced before it runs out).</summary>
    public X509Certificate2 ResponderCertificate => CurrentResponder().Certificate;

    /// <summary>Goes up by one with every revocation; lets CRL publishers notice that their list is stale.</summary>
    public long RevocationRevision => Interlocked.Read(ref _revocationRevision);

    internal KeySigner Signer { get; }

    internal ICertificateStore Store { get; }

    internal TimeProvider Time { get; }

    /// <summary>This CA's subscriber certificate encoder, with the parts every subscriber certificate shares encoded once.</summary>
    internal SubscriberCertificateEncoder SubscriberEncoder =>
        LazyInitializer.EnsureInitialized(ref _subscriberEncoder, () => new SubscriberCertificateEncoder(Profile, Certificate, Signer.SignatureAlgorithm));

    /// <summary>
    /// Opens the CA whose certificate is in <paramref name="store"/> and whose key is in <paramref name="custody"/>;
    /// on first use creates both (key, self-signed certificate) and a delegated OCSP responder.
    /// </summary>
    /// <exception cref="ArgumentException">The profile is invalid.</exception>
    /// <exception cref="KeyCustodyException">The key is missing, cannot be opened, or does not match the stored certificate.</exception>
    public static CertificateAuthority OpenOrCreate(AuthorityProfile profile, IKeyCustody custody, ICertificateStore store, TimeProvider? time = null) =>
        AuthorityBootstrap.OpenOrCreate(profile, custody, store, time ?? TimeProvider.System);

    /// <summary>Issues a resident's signing certificate (R-CE-02), valid per R-CE-03 from today (Tokyo) within the card's life.</summary>
    /// <exception cref="ArgumentException">The subject data is unusable (the message names the field).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The card has already expired.</exception>
    public IssuedCertificate Issue(CertificateSubject subject, SubscriberKey key, DateOnly cardExpiryDate) =>
        SubscriberIssuance.Issue(this, subject, key, cardExpiryDate);

    /// <summary>
    /// Issues for a recorded request (R-CE-09): idempotent by <paramref name="requestId"/>. Asking again, or twice at
    /// once, returns the certificate signed the first time, never a second one (refused for another public key).
    /// </summary>
    /// <exception cref="CertificateRequestRejectedException">The request id was signed for another key.</exception>
    public IssuedCertificate Issue(CertificateSubject subject, SubscriberKey key, ResidentCard card, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (requestId == Guid.Empty)
        {
            throw new ArgumentException("An issuance request has an id.", nameof(requestId));
        }

        return SubscriberIssuance.Issue(this, subject, key, card.ExpiryDate, requestId);
    }

    /// <summary>The serial this CA signed for an issuance request, or null when it signed nothing for it (R-CE-09 recovery).</summary>
    public CertificateSerial? FindIssued(Guid requestId) => Store.FindByRequest(requestId)?.Serial;

    /// <summary>Issues onto <paramref name="card"/>: its expiry caps the validity (R-CE-03).</summary>
    public IssuedCertificate Issue(CertificateSubject subject, SubscriberKey key, ResidentCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Issue(subject, key, card.ExpiryDate);
    }

    /// <summary>Revokes a certificate this CA issued (R-RV): in the next CRL, and in OCSP at once (R-RV-03).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The reason is not an RFC 5280 reason the counter uses, or the time lies in the future.</exception>
    /// <exception cref="InvalidOperationException">The serial is the CA's own or its responder's certificate.</exception>
    public RevokeOutcome Revoke(CertificateSerial serial, RevocationReason reason, DateTimeOffset revokedAt)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not an RFC 5280 reason the counter uses.");
        }

        if (revokedAt > Time.GetUtcNow() + RevocationClockSkew)
        {
            throw new ArgumentOutOfRangeException(nameof(revokedAt), revokedAt, "A revocation cannot take effect in the future.");
        }

        var stored = Store.Find(serial);
        if (stored is null)
        {
            return RevokeOutcome.NotFound;
        }

        if (stored.Kind is CertificateKind.Authority or CertificateKind.OcspResponder)
        {
            throw new InvalidOperationException($"Serial {serial} is the CA's own {stored.Kind} certificate; it is replaced, not revoked here.");
        }

        var outcome = Store.Revoke(serial, new CertificateRevocation(Validity.ToSeconds(revokedAt), reason));
        if (outcome == RevokeOutcome.Revoked)
        {
            Interlocked.Increment(ref _revocationRevision);
        }

        return outcome;
    }

    /// <summary>Carries out a revocation the domain decided (<see cref="RevocationTriggers"/>: R-RV-01/02, R-CE-04 supersession).</summary>
    public RevokeOutcome Revoke(RevocationOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Revoke(CertificateSerial.Parse(order.Serial), order.Reason, order.EffectiveAt);
    }

    /// <summary>Signs a full CRL now, with the next CRL number (R-RV-03).</summary>
    public CrlDocument BuildCrl() => CrlBuilder.Build(this);

    /// <summary>The CA certificate's fingerprint as published to residents (R-CE-07).</summary>
    public CertificateFingerprint Fingerprint(FingerprintAlgorithm algorithm) => CertificateFingerprint.Of(Certificate, algorithm);

    /// <summary>
    /// Certifies another CA's key (the JPKI bridge model): relying parties who trust this CA can then reach the other's
    /// certificates. <paramref name="pathLength"/> 0 lets the other CA issue only end entities.
    /// </summary>
    public X509Certificate2 IssueCrossCertificate(X509Certificate2 otherAuthority, DateTimeOffset notAfter, int? pathLength = 0) =>
        CrossCertificate.Issue(this, otherAuthority, notAfter, pathLength);

    public void Dispose()
    {
        lock (_responderLock)
        {
            _responder?.Dispose();
            _retiredResponders.ForEach(r => r.Dispose());
            _retiredResponders.Clear();
        }

        Signer.Dispose();
        Certificate.Dispose();
    }

    /// <summary>The responder to sign OCSP answers with, replaced (new key, new certificate) when it nears its end.</summary>
    internal Responder CurrentResponder()
    {
        var current = _responder;
        if (current is not null && Time.GetUtcNow() < ResponderRenewalDue(current))
        {
            return current;
        }

        lock (_responderLock)
        {
            current = _responder;
            var now = Time.GetUtcNow();
            if (current is not null && now < ResponderRenewalDue(current))
            {
                return current;
            }

            var next = ResponderKeys.OpenStored(this, _custody, now) ?? ResponderKeys.Create(this, _custody, now);
            if (current is not null)
            {
                // In-flight answers may still hold the old one; it is disposed with the CA.
                _retiredResponders.Add(current);
            }

            _responder = next;
            return next;
        }
    }

    private DateTimeOffset ResponderRenewalDue(Responder responder) => new DateTimeOffset(responder.Certificate.NotAfter) - Profile.ResponderRenewBefore;
}

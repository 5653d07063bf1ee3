namespace CounterApp.Pki.Store;

/// <summary>What a stored certificate is for; the CA finds its own certificates in the store by kind.</summary>
public enum CertificateKind
{
    /// <summary>The prefectural CA's self-signed certificate.</summary>
    Authority,

    /// <summary>The delegated OCSP signing certificate (id-kp-OCSPSigning, id-pkix-ocsp-nocheck).</summary>
    OcspResponder,

    /// <summary>A resident's signing certificate (R-CE-02).</summary>
    Subscriber,

    /// <summary>A certificate this CA issued to another CA (the JPKI bridge model).</summary>
    CrossCertificate,
}

namespace CounterApp.Domain.Applications;

/// <summary>What a failed application still owes before it is settled.</summary>
public enum Obligation
{
    /// <summary>R-FE-03: a failure after payment is voided or refunded in the same visit, with supervisor approval.</summary>
    VoidOrRefundFee,

    /// <summary>A certificate issued by the CA but not written to the card must be revoked.</summary>
    RevokeUnwrittenCertificate,

    /// <summary>R-CE-04: on renewal the old certificate is revoked as superseded once the new one is on the card.</summary>
    SupersedeOldCertificate,
}

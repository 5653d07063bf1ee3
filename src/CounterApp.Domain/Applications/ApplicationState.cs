namespace CounterApp.Domain.Applications;

/// <summary>
/// The application's life. Issuance and renewal: Received → (InquiryLetterMailed → AnswerReturned) → IdentityVerified →
/// FeePaid → KeyGenerated → Issuing (the request recorded before the CA signs) → CertificateIssued → WrittenToCard →
/// PasswordSet → Completed. An issuance cut between KeyGenerated and PasswordSet goes back to FeePaid once whatever the
/// CA signed is revoked (R-CE-09). Other procedures: Received → IdentityVerified → Completed. Ends: Completed, Refused,
/// Cancelled, Failed.
/// </summary>
public enum ApplicationState
{
    Received,
    InquiryLetterMailed,
    AnswerReturned,
    IdentityVerified,
    FeePaid,
    KeyGenerated,
    Issuing,
    CertificateIssued,
    WrittenToCard,
    PasswordSet,
    Completed,
    Refused,
    Cancelled,
    Failed,
}

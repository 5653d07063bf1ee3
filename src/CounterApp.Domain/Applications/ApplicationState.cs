namespace CounterApp.Domain.Applications;

/// <summary>
/// The application's life. Issuance and renewal: Received → (InquiryLetterMailed → AnswerReturned) → IdentityVerified →
/// FeePaid → KeyGenerated → CertificateIssued → WrittenToCard → Completed. Other procedures: Received →
/// IdentityVerified → Completed. Ends: Completed, Refused, Cancelled, Failed.
/// </summary>
public enum ApplicationState
{
    Received,
    InquiryLetterMailed,
    AnswerReturned,
    IdentityVerified,
    FeePaid,
    KeyGenerated,
    CertificateIssued,
    WrittenToCard,
    Completed,
    Refused,
    Cancelled,
    Failed,
}

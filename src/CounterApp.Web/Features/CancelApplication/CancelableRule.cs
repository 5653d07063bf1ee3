using CounterApp.Domain.Applications;
using CounterApp.Domain.Rules;

namespace CounterApp.Web.Features.CancelApplication;

/// <summary>Why an application cannot be withdrawn any more.</summary>
public enum CancelBlock
{
    None,

    /// <summary>R-FE-03: a fee was taken and not voided; the fee is voided first (the card step's "cannot issue", then a void request).</summary>
    FeeStands,

    /// <summary>R-RV-01: a certificate was issued for it; that is revocation's business.</summary>
    CertificateIssued,

    /// <summary>Already closed (completed, refused, cancelled or failed).</summary>
    Closed,
}

/// <summary>
/// An application may be withdrawn while it is open and no fee stands (R-FE-03) and no certificate was issued for it
/// (R-RV-01): Received, InquiryLetterMailed, AnswerReturned or IdentityVerified. A void approved for a fee only ever
/// follows a failed (hence closed) application, so there is nothing left to withdraw then.
/// </summary>
public static class CancelableRule
{
    public static CancelBlock Block(ApplicationState state, bool feeStands, bool certificateIssued) => state switch
    {
        _ when certificateIssued || state is ApplicationState.CertificateIssued or ApplicationState.WrittenToCard or ApplicationState.Completed
            => CancelBlock.CertificateIssued,
        _ when feeStands || state is ApplicationState.FeePaid or ApplicationState.KeyGenerated => CancelBlock.FeeStands,
        ApplicationState.Received or ApplicationState.InquiryLetterMailed or ApplicationState.AnswerReturned or ApplicationState.IdentityVerified
            => CancelBlock.None,
        _ => CancelBlock.Closed,
    };

    public static CancelBlock Block(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Block(application.State, application.Payment is { Stands: true }, application.IssuedSerial is not null);
    }

    /// <summary>The broken rule (ID, field, message) when the application cannot be withdrawn, or null.</summary>
    public static BrokenRule? Problem(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return Block(application) switch
        {
            CancelBlock.None => null,
            CancelBlock.FeeStands => new BrokenRule("R-FE-03", "application.fee", CancelText.Get("FeeStands")),
            CancelBlock.CertificateIssued => new BrokenRule("R-RV-01", "application.certificate", CancelText.Get("CertificateIssued")),
            _ => new BrokenRule("R-X-03", "application.state", CancelText.Get("AlreadyClosed", Issuance.IssuanceText.Get("State_" + application.State))),
        };
    }
}

namespace CounterApp.Domain.Proxies;

/// <summary>Who types the certificate password at issuance (R-PX-01).</summary>
public enum PasswordEntryMode
{
    /// <summary>The resident types it twice on the resident-facing view.</summary>
    ResidentOnFacingView,

    /// <summary>
    /// The clerk types it from under the concealing seal on the answer sheet, on the clerk's own masked field;
    /// the proxy never sees a screen that shows it.
    /// </summary>
    ClerkFromConcealedAnswerSheet,
}

/// <summary>R-PX-01: a proxy never learns the password.</summary>
public static class PasswordEntry
{
    public static PasswordEntryMode For(Applications.ApplicantKind applicant) =>
        applicant == Applications.ApplicantKind.Proxy
            ? PasswordEntryMode.ClerkFromConcealedAnswerSheet
            : PasswordEntryMode.ResidentOnFacingView;
}

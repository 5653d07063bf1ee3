namespace CounterApp.Domain.Applications;

/// <summary>
/// R-CE-09: the states a card session passes through between key generation and completion. A crash in one of them
/// leaves marks the recovery pass resolves; the ones before the password was set go back to the card step.
/// </summary>
public static class CardSessionStates
{
    /// <summary>From key generation to the password set: the session is running or was cut.</summary>
    public static readonly IReadOnlyList<ApplicationState> All =
        [ApplicationState.KeyGenerated, ApplicationState.Issuing, ApplicationState.CertificateIssued, ApplicationState.WrittenToCard, ApplicationState.PasswordSet];

    /// <summary>The states a cut session returns to the card step from (the certificate is not yet the resident's).</summary>
    public static readonly IReadOnlyList<ApplicationState> BeforePassword =
        [ApplicationState.KeyGenerated, ApplicationState.Issuing, ApplicationState.CertificateIssued, ApplicationState.WrittenToCard];
}

using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>Everything a clerk (or the system) can ask an application to do.</summary>
public enum Act
{
    MailLetter,
    ReturnAnswer,
    VerifyIdentity,
    Pay,
    GenerateKey,
    RecordIntent,
    IssueCertificate,
    WriteToCard,
    SetPassword,
    SupersedeOld,
    Complete,
    Refuse,
    Cancel,
    Fail,
    VoidPayment,
    RevokeUnwritten,
    ReturnToCardStep,
}

/// <summary>
/// Rows saved before R-CE-09 by the old machine (Fail was allowed in a card session, with no intent recorded): they can
/// no longer be reached through the guarded methods but still exist in storage and must keep working after Restore.
/// </summary>
public enum Legacy
{
    /// <summary>KeyGenerated → Failed: owes the void or refund.</summary>
    FailedAfterKeyGeneration,

    /// <summary>KeyGenerated → CertificateIssued → Failed: owes the void or refund and the revocation of the unwritten certificate.</summary>
    FailedAfterIssuance,

    /// <summary>… → WrittenToCard → Failed: the fee stands; a renewal still owes the supersession.</summary>
    FailedAfterWriting,

    /// <summary>Renewal … → WrittenToCard, old superseded → Failed: settled.</summary>
    FailedAfterSupersession,
}

/// <summary>Drives an application through acts, one method call each, with plausible times and people.</summary>
internal static class Journey
{
    public const string Serial = "1F2E3D4C";

    public const string ReturnReason = "カードが抜かれた";

    /// <summary>The issuance request every journey records before the CA signs (R-CE-09).</summary>
    public static readonly IssuanceIntent Intent = new(
        new Guid("6f1d2c3b-4a59-4e68-9b7a-8c9d0e1f2a3b"), Make.CardNumber, "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08");

    public static Application Start(Procedure procedure, params Act[] path)
    {
        var application = Make.Received(procedure);
        foreach (var act in path)
        {
            Do(application, act);
        }

        return application;
    }

    /// <summary>A legacy row (see <see cref="Legacy"/>) rebuilt through Restore, then driven through <paramref name="path"/>.</summary>
    public static Application Start(Procedure procedure, Legacy legacy, params Act[] path)
    {
        var application = Restored(procedure, legacy);
        foreach (var act in path)
        {
            Do(application, act);
        }

        return application;
    }

    /// <summary>The row the old machine saved: its history without an Issuing or PasswordSet step, no intent.</summary>
    public static Application Restored(Procedure procedure, Legacy legacy)
    {
        var id = Guid.NewGuid();
        var payment = Make.Payment(procedure, sequence: 7, at: Make.At(13));
        List<StateChange> history =
        [
            new(ApplicationState.Received, ApplicationState.Received, Make.At(9), Make.Clerk, "received"),
            new(ApplicationState.Received, ApplicationState.IdentityVerified, Make.At(13), Make.Clerk),
            new(ApplicationState.IdentityVerified, ApplicationState.FeePaid, Make.At(13), Make.Clerk, payment.Receipt.ToString()),
            new(ApplicationState.FeePaid, ApplicationState.KeyGenerated, Make.At(13), Make.Clerk),
        ];
        List<Obligation> owed = [];
        string? serial = null;
        if (legacy != Legacy.FailedAfterKeyGeneration)
        {
            history.Add(new(ApplicationState.KeyGenerated, ApplicationState.CertificateIssued, Make.At(13), Make.Clerk, Serial));
            serial = Serial;
        }

        if (legacy is Legacy.FailedAfterWriting or Legacy.FailedAfterSupersession)
        {
            history.Add(new(ApplicationState.CertificateIssued, ApplicationState.WrittenToCard, Make.At(13), Make.Clerk));
            if (legacy == Legacy.FailedAfterSupersession)
            {
                history.Add(new(ApplicationState.WrittenToCard, ApplicationState.WrittenToCard, Make.At(13), Make.Clerk, "old certificate superseded"));
            }
            else if (procedure == Procedure.Renewal)
            {
                owed.Add(Obligation.SupersedeOldCertificate);
            }
        }
        else
        {
            owed.Add(Obligation.VoidOrRefundFee);
            if (legacy == Legacy.FailedAfterIssuance)
            {
                owed.Add(Obligation.RevokeUnwrittenCertificate);
            }
        }

        history.Add(new(history[^1].To, ApplicationState.Failed, Make.At(13), Make.Clerk, "カードが抜かれた"));
        return Application.Restore(id, procedure, ApplicantKind.InPerson, Make.ResidentCode, ApplicationState.Failed, history, payment, serial, outstanding: owed);
    }

    /// <summary>A refusal with two broken rules (R-ID-05 and R-PX-03 are only stand-ins: Refuse takes any decision).</summary>
    public static Decision Refusal() =>
        Decision.Check([new SealConfirmedRule(false), new ProxyNotAllowedRule(Procedure.Unlock, ApplicantKind.Proxy)]);

    public static void Do(Application application, Act act)
    {
        var at = Make.At(13);
        switch (act)
        {
            case Act.MailLetter: application.MarkInquiryLetterMailed(at, Make.Clerk); break;
            case Act.ReturnAnswer: application.MarkAnswerReturned(at, Make.Clerk); break;
            case Act.VerifyIdentity: application.MarkIdentityVerified(at, Make.Clerk); break;
            case Act.Pay: application.Pay(Make.Payment(application.Procedure, sequence: 7, at: at)); break;
            case Act.GenerateKey: application.MarkKeyGenerated(at, Make.Clerk); break;
            case Act.RecordIntent: application.RecordIssuanceIntent(Intent, at, Make.Clerk); break;
            case Act.IssueCertificate: application.MarkCertificateIssued(Serial, at, Make.Clerk); break;
            case Act.WriteToCard: application.MarkWrittenToCard(at, Make.Clerk); break;
            case Act.SetPassword: application.MarkPasswordSet(at, Make.Clerk); break;
            case Act.SupersedeOld: application.MarkOldCertificateSuperseded(at, Make.Clerk); break;
            case Act.Complete: application.Complete(at, Make.Clerk); break;
            case Act.Refuse: application.Refuse(Refusal(), at, Make.Clerk); break;
            case Act.Cancel: application.Cancel("申請者が取り下げ", at, Make.Clerk); break;
            case Act.Fail: application.Fail("カードが抜かれた", at, Make.Clerk); break;
            case Act.VoidPayment: application.VoidPayment(Make.Void(at: at)); break;
            case Act.RevokeUnwritten: application.MarkUnwrittenCertificateRevoked(at, Make.Clerk); break;

            // The recovery names the certificate it revoked: the one the application recorded (none before signing).
            case Act.ReturnToCardStep: application.ReturnToCardStep(ReturnReason, application.IssuedSerial, at, Make.Clerk); break;
            default: throw new ArgumentOutOfRangeException(nameof(act), act, null);
        }
    }

    /// <summary>Rebuilds an application from everything it exposes, as storage would.</summary>
    public static Application Copy(Application a) => Application.Restore(
        a.Id, a.Procedure, a.Applicant, a.ResidentCode, a.State, a.History, a.Payment, a.IssuedSerial, a.RefusedFor, a.Outstanding, a.Intent);
}

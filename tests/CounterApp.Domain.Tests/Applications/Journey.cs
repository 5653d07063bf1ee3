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
    IssueCertificate,
    WriteToCard,
    SupersedeOld,
    Complete,
    Refuse,
    Cancel,
    Fail,
    VoidPayment,
    RevokeUnwritten,
}

/// <summary>Drives an application through acts, one method call each, with plausible times and people.</summary>
internal static class Journey
{
    public const string Serial = "1F2E3D4C";

    public static Application Start(Procedure procedure, params Act[] path)
    {
        var application = Make.Received(procedure);
        foreach (var act in path)
        {
            Do(application, act);
        }

        return application;
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
            case Act.IssueCertificate: application.MarkCertificateIssued(Serial, at, Make.Clerk); break;
            case Act.WriteToCard: application.MarkWrittenToCard(at, Make.Clerk); break;
            case Act.SupersedeOld: application.MarkOldCertificateSuperseded(at, Make.Clerk); break;
            case Act.Complete: application.Complete(at, Make.Clerk); break;
            case Act.Refuse: application.Refuse(Refusal(), at, Make.Clerk); break;
            case Act.Cancel: application.Cancel("申請者が取り下げ", at, Make.Clerk); break;
            case Act.Fail: application.Fail("カードが抜かれた", at, Make.Clerk); break;
            case Act.VoidPayment: application.VoidPayment(Make.Void(at: at)); break;
            case Act.RevokeUnwritten: application.MarkUnwrittenCertificateRevoked(at, Make.Clerk); break;
            default: throw new ArgumentOutOfRangeException(nameof(act), act, null);
        }
    }
}

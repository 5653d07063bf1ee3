using CounterApp.Domain.Applications;
using CounterApp.Domain.Tests.Support;
using static CounterApp.Domain.Tests.Applications.Act;

namespace CounterApp.Domain.Tests.Applications;

/// <summary>
/// Every act from every situation an application can be in, against a table written out here by hand: what the table
/// allows must succeed and land in the right state; everything else must throw <see cref="InvalidTransitionException"/>
/// and leave the application exactly as it was (illegal transitions are errors, never silent no-ops).
/// R-CE-09 changed the certificate machines on purpose: the intent is recorded (Issuing) before the CA signs, the
/// password is set (PasswordSet) before completion, a cut card session (KeyGenerated to WrittenToCard) goes back to the
/// card step instead of failing, and Fail is refused in a card session. The situations "failed after key generation /
/// issuance / writing" are no longer reachable; they are kept as legacy rows rebuilt through Restore.
/// </summary>
[Trait("Rule", "R-VI-02")]
[Trait("Rule", "R-FE-02")]
[Trait("Rule", "R-FE-03")]
[Trait("Rule", "R-CE-04")]
[Trait("Rule", "R-CE-09")]
public sealed class ApplicationTransitionTableTests
{
    private static readonly Act[] Paid = [VerifyIdentity, Pay];
    private static readonly Act[] Keyed = [.. Paid, GenerateKey];
    private static readonly Act[] Intended = [.. Keyed, RecordIntent];
    private static readonly Act[] Issued = [.. Intended, IssueCertificate];
    private static readonly Act[] Written = [.. Issued, WriteToCard];
    private static readonly Act[] PasswordDone = [.. Written, SetPassword];

    /// <summary>The new-issuance machine. A situation is named by how it was reached; the last column is what may follow.</summary>
    private static readonly Row[] NewIssuanceTable =
    [
        new("Received", [], [MailLetter, VerifyIdentity, Refuse, Cancel, Fail]),
        new("InquiryLetterMailed", [MailLetter], [ReturnAnswer, Cancel, Fail]),
        new("AnswerReturned", [MailLetter, ReturnAnswer], [VerifyIdentity, Refuse, Cancel, Fail]),
        new("IdentityVerified same day", [VerifyIdentity], [Pay, Refuse, Cancel, Fail]),
        new("IdentityVerified second visit", [MailLetter, ReturnAnswer, VerifyIdentity], [Pay, Refuse, Cancel, Fail]),
        new("FeePaid", Paid, [GenerateKey, Fail]),
        new("KeyGenerated", Keyed, [RecordIntent, ReturnToCardStep]),
        new("Issuing", Intended, [IssueCertificate, ReturnToCardStep]),
        new("CertificateIssued", Issued, [WriteToCard, ReturnToCardStep]),
        new("WrittenToCard", Written, [SetPassword, ReturnToCardStep]),
        new("PasswordSet", PasswordDone, [Complete]),
        new("Completed", [.. PasswordDone, Complete], []),
        new("Back at the card step from KeyGenerated", [.. Keyed, ReturnToCardStep], [GenerateKey, Fail]),
        new("Back at the card step from Issuing", [.. Intended, ReturnToCardStep], [GenerateKey, Fail]),
        new("Back at the card step from CertificateIssued", [.. Issued, ReturnToCardStep], [GenerateKey, Fail]),
        new("Back at the card step from WrittenToCard", [.. Written, ReturnToCardStep], [GenerateKey, Fail]),
        new("KeyGenerated on the retry", [.. Written, ReturnToCardStep, GenerateKey], [RecordIntent, ReturnToCardStep]),
        new("Completed on the retry", [.. Issued, ReturnToCardStep, .. PasswordDone[2..], Complete], []),
        new("Refused at reception", [Refuse], []),
        new("Refused at the second visit", [MailLetter, ReturnAnswer, Refuse], []),
        new("Refused after identity", [VerifyIdentity, Refuse], []),
        new("Cancelled at reception", [Cancel], []),
        new("Cancelled while the letter is out", [MailLetter, Cancel], []),
        new("Cancelled at the second visit", [MailLetter, ReturnAnswer, Cancel], []),
        new("Cancelled after identity", [VerifyIdentity, Cancel], []),
        new("Failed at reception", [Fail], []),
        new("Failed while the letter is out", [MailLetter, Fail], []),
        new("Failed at the second visit", [MailLetter, ReturnAnswer, Fail], []),
        new("Failed after identity", [VerifyIdentity, Fail], []),
        new("Failed after payment", [.. Paid, Fail], [VoidPayment]),
        new("Failed after payment, fee voided", [.. Paid, Fail, VoidPayment], []),
        new("Failed after a return to the card step", [.. Issued, ReturnToCardStep, Fail], [VoidPayment]),
        new("Failed after a return to the card step, fee voided", [.. Issued, ReturnToCardStep, Fail, VoidPayment], []),
        new("Legacy row failed after key generation", [], [VoidPayment], Legacy.FailedAfterKeyGeneration),
        new("Legacy row failed after issuance", [], [VoidPayment, RevokeUnwritten], Legacy.FailedAfterIssuance),
        new("Legacy row failed after issuance, fee voided", [VoidPayment], [RevokeUnwritten], Legacy.FailedAfterIssuance),
        new("Legacy row failed after issuance, certificate revoked", [RevokeUnwritten], [VoidPayment], Legacy.FailedAfterIssuance),
        new("Legacy row failed after issuance, settled", [VoidPayment, RevokeUnwritten], [], Legacy.FailedAfterIssuance),
        new("Legacy row failed after writing", [], [], Legacy.FailedAfterWriting),
    ];

    /// <summary>
    /// The renewal machine: as new issuance, but the old certificate is superseded once the new one is on the card (in
    /// WrittenToCard or PasswordSet) and before completion (R-CE-04); a return to the card step drops that obligation.
    /// </summary>
    private static readonly Row[] RenewalTable =
    [
        new("Received", [], [MailLetter, VerifyIdentity, Refuse, Cancel, Fail]),
        new("InquiryLetterMailed", [MailLetter], [ReturnAnswer, Cancel, Fail]),
        new("AnswerReturned", [MailLetter, ReturnAnswer], [VerifyIdentity, Refuse, Cancel, Fail]),
        new("IdentityVerified same day", [VerifyIdentity], [Pay, Refuse, Cancel, Fail]),
        new("IdentityVerified second visit", [MailLetter, ReturnAnswer, VerifyIdentity], [Pay, Refuse, Cancel, Fail]),
        new("FeePaid", Paid, [GenerateKey, Fail]),
        new("KeyGenerated", Keyed, [RecordIntent, ReturnToCardStep]),
        new("Issuing", Intended, [IssueCertificate, ReturnToCardStep]),
        new("CertificateIssued", Issued, [WriteToCard, ReturnToCardStep]),
        // The old certificate is superseded only once the new one is usable (password set): a session cut before that
        // revokes the new one, and the resident must not be left without either (R-CE-04, R-CE-09).
        new("WrittenToCard", Written, [SetPassword, ReturnToCardStep]),
        new("PasswordSet", PasswordDone, [SupersedeOld]),
        new("PasswordSet, old superseded", [.. PasswordDone, SupersedeOld], [Complete]),
        new("Completed", [.. PasswordDone, SupersedeOld, Complete], []),
        new("Back at the card step from KeyGenerated", [.. Keyed, ReturnToCardStep], [GenerateKey, Fail]),
        new("Back at the card step from Issuing", [.. Intended, ReturnToCardStep], [GenerateKey, Fail]),
        new("Back at the card step from CertificateIssued", [.. Issued, ReturnToCardStep], [GenerateKey, Fail]),
        new("Back at the card step from WrittenToCard", [.. Written, ReturnToCardStep], [GenerateKey, Fail]),
        new("KeyGenerated on the retry", [.. Written, ReturnToCardStep, GenerateKey], [RecordIntent, ReturnToCardStep]),
        new("WrittenToCard on the retry", [.. Written, ReturnToCardStep, .. Written[2..]], [SetPassword, ReturnToCardStep]),
        new("Completed on the retry", [.. Written, ReturnToCardStep, .. PasswordDone[2..], SupersedeOld, Complete], []),
        new("Refused at reception", [Refuse], []),
        new("Refused at the second visit", [MailLetter, ReturnAnswer, Refuse], []),
        new("Refused after identity", [VerifyIdentity, Refuse], []),
        new("Cancelled at reception", [Cancel], []),
        new("Cancelled while the letter is out", [MailLetter, Cancel], []),
        new("Cancelled at the second visit", [MailLetter, ReturnAnswer, Cancel], []),
        new("Cancelled after identity", [VerifyIdentity, Cancel], []),
        new("Failed at reception", [Fail], []),
        new("Failed while the letter is out", [MailLetter, Fail], []),
        new("Failed at the second visit", [MailLetter, ReturnAnswer, Fail], []),
        new("Failed after identity", [VerifyIdentity, Fail], []),
        new("Failed after payment", [.. Paid, Fail], [VoidPayment]),
        new("Failed after payment, fee voided", [.. Paid, Fail, VoidPayment], []),
        new("Failed after a return to the card step", [.. Written, ReturnToCardStep, Fail], [VoidPayment]),
        new("Failed after a return to the card step, fee voided", [.. Written, ReturnToCardStep, Fail, VoidPayment], []),
        new("Legacy row failed after key generation", [], [VoidPayment], Legacy.FailedAfterKeyGeneration),
        new("Legacy row failed after issuance", [], [VoidPayment, RevokeUnwritten], Legacy.FailedAfterIssuance),
        new("Legacy row failed after issuance, fee voided", [VoidPayment], [RevokeUnwritten], Legacy.FailedAfterIssuance),
        new("Legacy row failed after issuance, certificate revoked", [RevokeUnwritten], [VoidPayment], Legacy.FailedAfterIssuance),
        new("Legacy row failed after issuance, settled", [VoidPayment, RevokeUnwritten], [], Legacy.FailedAfterIssuance),
        new("Legacy row failed after writing", [], [SupersedeOld], Legacy.FailedAfterWriting),
        new("Legacy row failed after writing, old superseded", [SupersedeOld], [], Legacy.FailedAfterWriting),
        new("Legacy row failed after supersession", [], [], Legacy.FailedAfterSupersession),
    ];

    /// <summary>Free procedures (revocation, compromise notice, unlock, password change, PIN reset): identity, then done.</summary>
    private static readonly Row[] FreeProcedureTable =
    [
        new("Received", [], [VerifyIdentity, Refuse, Cancel, Fail]),
        new("IdentityVerified", [VerifyIdentity], [Complete, Refuse, Cancel, Fail]),
        new("Completed", [VerifyIdentity, Complete], []),
        new("Refused at reception", [Refuse], []),
        new("Refused after identity", [VerifyIdentity, Refuse], []),
        new("Cancelled at reception", [Cancel], []),
        new("Cancelled after identity", [VerifyIdentity, Cancel], []),
        new("Failed at reception", [Fail], []),
        new("Failed after identity", [VerifyIdentity, Fail], []),
    ];

    /// <summary>Where each act leads when it is allowed; null: the state stays (an obligation is discharged or a side step recorded).</summary>
    private static readonly Dictionary<Act, ApplicationState?> Target = new()
    {
        [MailLetter] = ApplicationState.InquiryLetterMailed,
        [ReturnAnswer] = ApplicationState.AnswerReturned,
        [VerifyIdentity] = ApplicationState.IdentityVerified,
        [Pay] = ApplicationState.FeePaid,
        [GenerateKey] = ApplicationState.KeyGenerated,
        [RecordIntent] = ApplicationState.Issuing,
        [IssueCertificate] = ApplicationState.CertificateIssued,
        [WriteToCard] = ApplicationState.WrittenToCard,
        [SetPassword] = ApplicationState.PasswordSet,
        [SupersedeOld] = null,
        [Complete] = ApplicationState.Completed,
        [Refuse] = ApplicationState.Refused,
        [Cancel] = ApplicationState.Cancelled,
        [Fail] = ApplicationState.Failed,
        [VoidPayment] = null,
        [RevokeUnwritten] = null,
        [ReturnToCardStep] = ApplicationState.FeePaid,
    };

    public static TheoryData<Procedure, string> Situations()
    {
        var data = new TheoryData<Procedure, string>();
        foreach (var procedure in Enum.GetValues<Procedure>())
        {
            foreach (var row in TableFor(procedure))
            {
                data.Add(procedure, row.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public void EveryAct_FromEverySituation_IsAllowedExactlyWhereTheTableSaysAndThrowsElsewhere(Procedure procedure, string situation)
    {
        var row = TableFor(procedure).Single(r => r.Name == situation);
        var problems = new List<string>();

        foreach (var act in Enum.GetValues<Act>())
        {
            var application = row.Start(procedure);
            var before = Snapshot.Of(application);
            var allowed = row.Allowed.Contains(act);
            try
            {
                Journey.Do(application, act);
                if (!allowed)
                {
                    problems.Add($"{act} was accepted (now {application.State}); it must throw InvalidTransitionException.");
                }
                else
                {
                    var expected = Target[act] ?? before.State;
                    if (application.State != expected)
                    {
                        problems.Add($"{act} led to {application.State}, expected {expected}.");
                    }

                    if (application.History.Count != before.HistoryCount + 1)
                    {
                        problems.Add($"{act} added {application.History.Count - before.HistoryCount} history entries, expected 1.");
                    }
                }
            }
            catch (InvalidTransitionException e)
            {
                if (allowed)
                {
                    problems.Add($"{act} threw but the table allows it: {e.Message}");
                }
                else if (Snapshot.Of(application) != before)
                {
                    problems.Add($"{act} threw but changed the application: {before} -> {Snapshot.Of(application)}.");
                }
            }
#pragma warning disable CA1031 // Any other exception is itself a finding, reported with the rest.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problems.Add($"{act} threw {e.GetType().Name} instead of InvalidTransitionException: {e.Message}");
            }
        }

        Assert.True(problems.Count == 0, $"{procedure}, {situation}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Theory]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Renewal)]
    public void Table_WhenCertificateProcedure_ReachesEveryState(Procedure procedure)
    {
        var reached = TableFor(procedure).Select(r => r.Start(procedure).State).ToHashSet();

        Assert.Equal(Enum.GetValues<ApplicationState>().ToHashSet(), reached);
    }

    [Theory]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.CompromiseNotice)]
    [InlineData(Procedure.Unlock)]
    [InlineData(Procedure.PasswordChange)]
    [InlineData(Procedure.CardPinReset)]
    public void Table_WhenFreeProcedure_ReachesOnlyIdentityAndTheEnds(Procedure procedure)
    {
        var reached = TableFor(procedure).Select(r => r.Start(procedure).State).ToHashSet();

        Assert.Equal(
            new HashSet<ApplicationState>
            {
                ApplicationState.Received,
                ApplicationState.IdentityVerified,
                ApplicationState.Completed,
                ApplicationState.Refused,
                ApplicationState.Cancelled,
                ApplicationState.Failed,
            },
            reached);
    }

    [Fact]
    public void Table_WhenWritten_NamesEveryActAndEverySituationOnce()
    {
        Assert.Equal(Enum.GetValues<Act>().Order(), Target.Keys.Order());
        foreach (var table in new[] { NewIssuanceTable, RenewalTable, FreeProcedureTable })
        {
            Assert.Equal(table.Length, table.Select(r => r.Name).Distinct().Count());
        }
    }

    [Fact]
    public void InvalidTransition_WhenThrownByAGuardedStep_SaysWhatWhereAndForWhichProcedure()
    {
        var application = Journey.Start(Procedure.NewIssuance, MailLetter);

        var e = Assert.Throws<InvalidTransitionException>(() => application.MarkKeyGenerated(Make.At(14), Make.Clerk));

        Assert.Equal(Procedure.NewIssuance, e.Procedure);
        Assert.Equal(ApplicationState.InquiryLetterMailed, e.From);
        Assert.Equal(nameof(Application.MarkKeyGenerated), e.Action);
        Assert.Contains("InquiryLetterMailed", e.Message, StringComparison.Ordinal);
    }

    private static Row[] TableFor(Procedure procedure) => procedure switch
    {
        Procedure.NewIssuance => NewIssuanceTable,
        Procedure.Renewal => RenewalTable,
        _ => FreeProcedureTable,
    };

    /// <summary>A situation: reached by <paramref name="Path"/> from a new application, or from a legacy row when <paramref name="From"/> is set.</summary>
    private sealed record Row(string Name, Act[] Path, Act[] Allowed, Legacy? From = null)
    {
        public Application Start(Procedure procedure) => From is { } legacy ? Journey.Start(procedure, legacy, Path) : Journey.Start(procedure, Path);
    }

    /// <summary>Everything observable about an application, to prove a refused act changed nothing.</summary>
    private sealed record Snapshot(
        ApplicationState State,
        int HistoryCount,
        string Outstanding,
        string? Receipt,
        bool? PaymentStands,
        string? IssuedSerial,
        IssuanceIntent? Intent,
        int RefusedFor)
    {
        public static Snapshot Of(Application a) => new(
            a.State,
            a.History.Count,
            string.Join(",", a.Outstanding.Order()),
            a.Payment?.Receipt.ToString(),
            a.Payment?.Stands,
            a.IssuedSerial,
            a.Intent,
            a.RefusedFor.Count);
    }
}

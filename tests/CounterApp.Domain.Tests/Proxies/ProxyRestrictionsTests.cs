using CounterApp.Domain.Applications;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Proxies;

public sealed class ProxyRestrictionsTests
{
    [Fact]
    [Trait("Rule", "R-PX-01")]
    public void PasswordEntry_WhenAProxyIsAtTheCounter_IsTypedByTheClerkFromTheConcealedAnswerSheet()
    {
        Assert.Equal(PasswordEntryMode.ClerkFromConcealedAnswerSheet, PasswordEntry.For(ApplicantKind.Proxy));
    }

    [Fact]
    [Trait("Rule", "R-PX-01")]
    public void PasswordEntry_WhenTheResidentIsAtTheCounter_IsTypedByTheResident()
    {
        Assert.Equal(PasswordEntryMode.ResidentOnFacingView, PasswordEntry.For(ApplicantKind.InPerson));
    }

    [Theory]
    [Trait("Rule", "R-PX-03")]
    [InlineData(Procedure.Unlock)]
    [InlineData(Procedure.PasswordChange)]
    [InlineData(Procedure.CardPinReset)]
    [Trait("Rule", "R-X-03")]
    public void ProxyNotAllowed_WhenAProxyAsksForACardService_IsRefusedAndTheResidentMustCome(Procedure procedure)
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = Decision.Check([new ProxyNotAllowedRule(procedure, ApplicantKind.Proxy)]);

        var broken = Expect.Broken(decision, "R-PX-03", "applicant");
        Assert.Equal("代理人はカードのロック解除、パスワード変更、暗証番号の再設定を行えません。申請者本人が来庁してください。", broken.Message);
    }

    [Theory]
    [Trait("Rule", "R-PX-03")]
    [InlineData(Procedure.Unlock)]
    [InlineData(Procedure.PasswordChange)]
    [InlineData(Procedure.CardPinReset)]
    public void ProxyNotAllowed_WhenTheResidentComesInPerson_IsNotBroken(Procedure procedure)
    {
        Assert.False(new ProxyNotAllowedRule(procedure, ApplicantKind.InPerson).IsBroken());
    }

    [Theory]
    [Trait("Rule", "R-PX-03")]
    [InlineData(Procedure.NewIssuance)]
    [InlineData(Procedure.Renewal)]
    [InlineData(Procedure.RevocationRequest)]
    [InlineData(Procedure.CompromiseNotice)]
    public void ProxyNotAllowed_WhenAProxyAsksForAProcedureTheyMayDo_IsNotBroken(Procedure procedure)
    {
        Assert.False(new ProxyNotAllowedRule(procedure, ApplicantKind.Proxy).IsBroken());
    }

    [Fact]
    [Trait("Rule", "R-PX-03")]
    public void ProxyNotAllowed_WhenEveryProcedureAndApplicant_IsBrokenExactlyForProxyCardServices()
    {
        foreach (var procedure in Enum.GetValues<Procedure>())
        {
            foreach (var applicant in Enum.GetValues<ApplicantKind>())
            {
                var expected = applicant == ApplicantKind.Proxy
                    && procedure is Procedure.Unlock or Procedure.PasswordChange or Procedure.CardPinReset;
                Assert.True(
                    expected == new ProxyNotAllowedRule(procedure, applicant).IsBroken(),
                    $"{procedure} by {applicant}: expected broken={expected}.");
            }
        }
    }

    [Fact]
    [Trait("Rule", "R-PX-03")]
    [Trait("Rule", "R-X-03")]
    public void ProxyNotAllowed_WhenEnglishIsTheUiCulture_SaysItInEnglish()
    {
        using var culture = new UiCultureScope("en-US");

        Assert.Equal(
            "A proxy may not unlock a card, change the password or reset the card PIN. The resident must come in person.",
            new ProxyNotAllowedRule(Procedure.Unlock, ApplicantKind.Proxy).Message);
    }
}

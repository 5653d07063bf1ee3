using CounterApp.Domain.Proxies;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Proxies;

[Trait("Rule", "R-PX-02")]
public sealed class SealCertificateRecentRuleTests
{
    private static SealCertificateRecentRule RuleFor(DateOnly issuedOn, DateOnly today) =>
        new(new SealCertificate(issuedOn, MatchesPowerOfAttorneySeal: true), today);

    // (issued, last day usable): 3 months counted by the Civil Code from the day after issue.
    [Theory]
    [InlineData(2026, 8, 22, 2026, 11, 22)]
    [InlineData(2026, 4, 30, 2026, 7, 31)] // counting starts 1 May: May, June, July
    [InlineData(2026, 5, 31, 2026, 8, 31)]
    [InlineData(2025, 11, 30, 2026, 2, 28)] // no 29 February in 2026
    [InlineData(2023, 11, 30, 2024, 2, 29)] // leap year
    [InlineData(2026, 8, 31, 2026, 11, 30)] // no 31 November
    [InlineData(2026, 8, 30, 2026, 11, 30)]
    [InlineData(2026, 8, 29, 2026, 11, 29)]
    [InlineData(2026, 12, 31, 2027, 3, 31)] // across the year end
    [InlineData(2026, 2, 28, 2026, 5, 31)] // counting starts 1 March
    public void IsBroken_WhenOnTheLastUsableDayAndTheDayAfter_AcceptsThenRefuses(int iy, int im, int id, int ly, int lm, int ld)
    {
        var issued = new DateOnly(iy, im, id);
        var last = new DateOnly(ly, lm, ld);

        Assert.Equal(last, RuleFor(issued, last).UsableThrough);
        Assert.False(RuleFor(issued, last).IsBroken());
        Assert.True(RuleFor(issued, last.AddDays(1)).IsBroken());
    }

    // (today, issued exactly 3 months before, one day more)
    [Theory]
    [InlineData(2026, 11, 22, 2026, 8, 22, 2026, 8, 21)]
    [InlineData(2026, 7, 31, 2026, 4, 30, 2026, 4, 29)] // there is no 31 April
    [InlineData(2026, 8, 31, 2026, 5, 31, 2026, 5, 30)]
    [InlineData(2026, 2, 28, 2025, 11, 28, 2025, 11, 27)]
    [InlineData(2024, 2, 29, 2023, 11, 29, 2023, 11, 28)]
    [InlineData(2026, 5, 31, 2026, 2, 28, 2026, 2, 27)]
    public void IsBroken_WhenIssuedExactlyThreeMonthsAgoOrOneDayMore_AcceptsThenRefuses(int ty, int tm, int td, int ay, int am, int ad, int ry, int rm, int rd)
    {
        var today = new DateOnly(ty, tm, td);

        Assert.False(RuleFor(new DateOnly(ay, am, ad), today).IsBroken());
        Assert.True(RuleFor(new DateOnly(ry, rm, rd), today).IsBroken());
    }

    [Fact]
    public void IsBroken_WhenEveryDay2023To2028_AcceptsFromTheSameDayThreeMonthsBackAndRefusesTheDayBefore()
    {
        // Independent formulation: issued on or after "today three months back" (clamped to the month's end).
        for (var today = new DateOnly(2023, 1, 1); today <= new DateOnly(2028, 12, 31); today = today.AddDays(1))
        {
            var earliest = today.AddMonths(-3);
            for (var issued = earliest.AddDays(-3); issued <= earliest.AddDays(3); issued = issued.AddDays(1))
            {
                var expected = issued < earliest;
                if (RuleFor(issued, today).IsBroken() != expected)
                {
                    Assert.Fail($"Issued {issued:yyyy-MM-dd}, today {today:yyyy-MM-dd}: expected broken={expected}.");
                }
            }
        }
    }

    [Fact]
    public void IsBroken_WhenIssuedToday_IsAccepted()
    {
        Assert.False(RuleFor(Given.Today, Given.Today).IsBroken());
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenOlderThanThreeMonths_IsRefusedNamingTheIssueDateAndTheLastDay()
    {
        using var culture = new UiCultureScope("ja-JP");
        var visit = Given.ProxySecondVisit() with
        {
            SealCertificate = new SealCertificate(new DateOnly(2026, 4, 30), true),
            Today = new DateOnly(2026, 8, 1),
            Letter = Given.MailedLetter(new DateOnly(2026, 7, 20)),
        };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        var broken = Expect.Broken(decision, "R-PX-02", "sealCertificate.issuedOn");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("印鑑登録証明書の発行日（令和8年4月30日）から3か月を過ぎています（令和8年7月31日まで有効）。発行日から3か月以内のものが必要です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenIssuedAfterToday_IsRefusedAsAWrongDate()
    {
        using var culture = new UiCultureScope("ja-JP");
        var visit = Given.ProxySecondVisit() with { SealCertificate = new SealCertificate(Given.Today.AddDays(1), true) };

        var broken = Expect.Broken(SecondVisitRules.Check(visit, Given.Catalog), "R-PX-02", "sealCertificate.issuedOn");

        Assert.Equal("印鑑登録証明書の発行日（令和8年11月25日）が本日より後になっています。発行日を確認してください。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Check_WhenTheSealDoesNotMatchThePowerOfAttorney_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var visit = Given.ProxySecondVisit() with { SealCertificate = Given.SealCertificate with { MatchesPowerOfAttorneySeal = false } };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        var broken = Expect.Broken(decision, "R-PX-02", "sealCertificate.matchesPowerOfAttorneySeal");
        Assert.Single(decision.BrokenRules);
        Assert.Equal("印鑑登録証明書の印影が委任状の印影と一致しません。", broken.Message);
    }

    [Fact]
    public void Check_WhenTheCertificateIsBothTooOldAndOfAnotherSeal_ListsBothProblems()
    {
        // Both must be put right before the next visit: a new certificate alone would still not match.
        var visit = Given.ProxySecondVisit() with
        {
            SealCertificate = new SealCertificate(Given.Today.AddMonths(-4), MatchesPowerOfAttorneySeal: false),
        };

        var decision = SecondVisitRules.Check(visit, Given.Catalog);

        Expect.BrokenExactly(
            decision,
            ("R-PX-02", "sealCertificate.issuedOn"),
            ("R-PX-02", "sealCertificate.matchesPowerOfAttorneySeal"));
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Message_WhenEnglishIsTheUiCulture_GivesIsoDates()
    {
        using var culture = new UiCultureScope("en-US");

        var rule = RuleFor(new DateOnly(2026, 4, 30), new DateOnly(2026, 8, 1));

        Assert.Equal(
            "The seal registration certificate was issued on 2026-04-30, more than 3 months ago (usable through 2026-07-31); one issued within 3 months is required.",
            rule.Message);
    }
}

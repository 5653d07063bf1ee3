using CounterApp.Domain.Periods;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Periods;

[Trait("Rule", "R-CE-03")]
public sealed class CertificateValidityTests
{
    private static readonly DateOnly FarCardExpiry = new(2040, 1, 1);

    [Fact]
    public void For_WhenCardOutlivesThreeYears_RunsThreeYearsFromTheIssueDay()
    {
        var validity = CertificateValidity.For(new DateOnly(2026, 11, 22), FarCardExpiry);

        Assert.Equal(new DateOnly(2026, 11, 22), validity.IssuedOn);
        Assert.Equal(new DateOnly(2029, 11, 22), validity.ExpiresOn);
        Assert.Equal(new DateOnly(2029, 11, 22), validity.UncappedExpiresOn);
        Assert.False(validity.IsCappedByCard);
        Assert.Null(validity.CapNotice());
    }

    [Theory]
    [InlineData(2028, 2, 28, 2031, 2, 28)]
    [InlineData(2028, 2, 29, 2031, 2, 28)]
    [InlineData(2027, 2, 28, 2030, 2, 28)]
    [InlineData(2024, 2, 29, 2027, 2, 28)]
    [InlineData(2025, 2, 28, 2028, 2, 29)]
    [InlineData(2026, 12, 31, 2029, 12, 31)]
    [InlineData(2026, 1, 1, 2029, 1, 1)]
    public void For_WhenIssuedAroundFebruaryAndYearEnds_EndsByTheCivilCode(int y, int m, int d, int ey, int em, int ed)
    {
        Assert.Equal(new DateOnly(ey, em, ed), CertificateValidity.For(new DateOnly(y, m, d), FarCardExpiry).ExpiresOn);
    }

    [Theory]
    [InlineData(2029, 11, 21, 2029, 11, 21, true)] // card expires the day before the three years end
    [InlineData(2029, 11, 22, 2029, 11, 22, false)] // on the same day: nothing is cut off
    [InlineData(2029, 11, 23, 2029, 11, 22, false)] // the day after
    public void For_WhenCardExpiresAroundTheEnd_NeverRunsPastTheCard(int cy, int cm, int cd, int ey, int em, int ed, bool capped)
    {
        var validity = CertificateValidity.For(new DateOnly(2026, 11, 22), new DateOnly(cy, cm, cd));

        Assert.Equal(new DateOnly(ey, em, ed), validity.ExpiresOn);
        Assert.Equal(new DateOnly(2029, 11, 22), validity.UncappedExpiresOn);
        Assert.Equal(capped, validity.IsCappedByCard);
    }

    [Theory]
    [InlineData(2031, 2, 27, 2031, 2, 27, true)]
    [InlineData(2031, 2, 28, 2031, 2, 28, false)]
    [InlineData(2031, 3, 1, 2031, 2, 28, false)]
    public void For_WhenIssuedOnLeapDayAndCardExpiresAroundTheEnd_NeverRunsPastTheCard(int cy, int cm, int cd, int ey, int em, int ed, bool capped)
    {
        var validity = CertificateValidity.For(new DateOnly(2028, 2, 29), new DateOnly(cy, cm, cd));

        Assert.Equal(new DateOnly(ey, em, ed), validity.ExpiresOn);
        Assert.Equal(capped, validity.IsCappedByCard);
    }

    [Fact]
    public void For_WhenCardExpiresOnTheIssueDay_IsValidForThatDayOnly()
    {
        var day = new DateOnly(2026, 11, 22);

        var validity = CertificateValidity.For(day, day);

        Assert.Equal(day, validity.ExpiresOn);
        Assert.True(validity.IsCappedByCard);
    }

    [Fact]
    public void For_WhenCardExpiredBeforeTheIssueDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateValidity.For(new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void For_WhenGivenTheCard_UsesItsExpiryDate()
    {
        var card = new ResidentCard("0001", "R-1", "162060", HasPhoto: true, new DateOnly(2028, 3, 31), CardStatus.Active);
        var issued = new DateOnly(2026, 11, 22);

        Assert.Equal(CertificateValidity.For(issued, card.ExpiryDate), CertificateValidity.For(issued, card));
        Assert.Equal(new DateOnly(2028, 3, 31), CertificateValidity.For(issued, card).ExpiresOn);
    }

    [Fact]
    public void CapNotice_WhenCappedInJapanese_GivesBothDatesInEraForm()
    {
        using var culture = new UiCultureScope("ja-JP");

        var notice = CertificateValidity.For(new DateOnly(2026, 11, 22), new DateOnly(2029, 11, 21)).CapNotice();

        Assert.Equal("住民基本台帳カードの有効期限が先に到来するため、電子証明書の有効期間満了日はカードの有効期限と同じ令和11年11月21日となります（本来の満了日は令和11年11月22日）。", notice);
    }

    [Fact]
    public void CapNotice_WhenCappedInEnglish_GivesIsoDates()
    {
        using var culture = new UiCultureScope("en-US");

        var notice = CertificateValidity.For(new DateOnly(2026, 11, 22), new DateOnly(2029, 11, 21)).CapNotice();

        Assert.Equal("The resident card expires first, so the certificate's validity ends with the card on 2029-11-21 (three years would have ended on 2029-11-22).", notice);
    }
}

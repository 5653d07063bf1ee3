using CounterApp.Domain.Periods;

namespace CounterApp.Domain.Tests.Periods;

[Trait("Rule", "R-CE-04")]
public sealed class RenewalWindowTests
{
    [Theory]
    [InlineData(2029, 11, 22, 2029, 8, 22)]
    [InlineData(2029, 5, 31, 2029, 2, 28)] // no 31 Feb: the month's last day
    [InlineData(2028, 5, 31, 2028, 2, 29)] // leap year: 29 Feb
    [InlineData(2029, 5, 30, 2029, 2, 28)]
    [InlineData(2028, 5, 29, 2028, 2, 29)]
    [InlineData(2029, 5, 29, 2029, 2, 28)]
    [InlineData(2029, 5, 28, 2029, 2, 28)]
    [InlineData(2029, 3, 31, 2028, 12, 31)] // across the year
    [InlineData(2029, 1, 15, 2028, 10, 15)]
    [InlineData(2029, 7, 31, 2029, 4, 30)]
    [InlineData(2029, 12, 31, 2029, 9, 30)]
    [InlineData(2030, 2, 28, 2029, 11, 28)]
    public void OpensOn_WhenExpiryDayNumberMissingThreeMonthsEarlier_UsesThatMonthsLastDay(int y, int m, int d, int oy, int om, int od)
    {
        Assert.Equal(new DateOnly(oy, om, od), RenewalWindow.OpensOn(new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData(2029, 8, 21, false)] // the day before the window opens
    [InlineData(2029, 8, 22, true)] // the opening day
    [InlineData(2029, 11, 22, true)] // the expiry day
    [InlineData(2029, 11, 23, false)] // the day after expiry
    public void IsOpenOn_WhenAroundEitherEnd_IncludesBothEnds(int y, int m, int d, bool open)
    {
        Assert.Equal(open, RenewalWindow.IsOpenOn(new DateOnly(2029, 11, 22), new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData(2029, 2, 27, false)]
    [InlineData(2029, 2, 28, true)]
    [InlineData(2029, 5, 31, true)]
    [InlineData(2029, 6, 1, false)]
    public void IsOpenOn_WhenExpiryOn31MayOfCommonYear_OpensOn28February(int y, int m, int d, bool open)
    {
        Assert.Equal(open, RenewalWindow.IsOpenOn(new DateOnly(2029, 5, 31), new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData(2028, 2, 28, false)]
    [InlineData(2028, 2, 29, true)]
    [InlineData(2028, 5, 31, true)]
    [InlineData(2028, 6, 1, false)]
    public void IsOpenOn_WhenExpiryOn31MayOfLeapYear_OpensOn29February(int y, int m, int d, bool open)
    {
        Assert.Equal(open, RenewalWindow.IsOpenOn(new DateOnly(2028, 5, 31), new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData(2028, 12, 30, false)]
    [InlineData(2028, 12, 31, true)]
    [InlineData(2029, 3, 31, true)]
    [InlineData(2029, 4, 1, false)]
    public void IsOpenOn_WhenExpiryOn31March_OpensOn31DecemberOfThePreviousYear(int y, int m, int d, bool open)
    {
        Assert.Equal(open, RenewalWindow.IsOpenOn(new DateOnly(2029, 3, 31), new DateOnly(y, m, d)));
    }

    [Fact]
    public void NewValidity_WhenRenewedEarly_RunsThreeYearsFromTheRenewalDayNotFromTheOldExpiry()
    {
        var validity = RenewalWindow.NewValidity(new DateOnly(2029, 9, 1), new DateOnly(2040, 1, 1));

        Assert.Equal(new DateOnly(2029, 9, 1), validity.IssuedOn);
        Assert.Equal(new DateOnly(2032, 9, 1), validity.ExpiresOn);
        Assert.False(validity.IsCappedByCard);
    }

    [Fact]
    public void NewValidity_WhenCardExpiresSooner_IsCappedByTheCard()
    {
        var validity = RenewalWindow.NewValidity(new DateOnly(2029, 9, 1), new DateOnly(2031, 6, 30));

        Assert.Equal(new DateOnly(2031, 6, 30), validity.ExpiresOn);
        Assert.True(validity.IsCappedByCard);
    }

    [Fact]
    public void NewValidity_WhenRenewedOnLeapDay_EndsOn28FebruaryThreeYearsOn()
    {
        Assert.Equal(new DateOnly(2031, 2, 28), RenewalWindow.NewValidity(new DateOnly(2028, 2, 29), new DateOnly(2040, 1, 1)).ExpiresOn);
    }
}

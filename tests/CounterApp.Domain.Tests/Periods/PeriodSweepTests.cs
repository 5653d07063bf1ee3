using CounterApp.Domain.Periods;

namespace CounterApp.Domain.Tests.Periods;

/// <summary>Every day from 2000 to 2050 against <see cref="IndependentCalendar"/>, so no month end or leap day is missed.</summary>
public sealed class PeriodSweepTests
{
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2050, 12, 31);

    [Fact]
    [Trait("Rule", "R-CE-03")]
    public void EndOfMonths_WhenEveryDay2000To2050_AgreesWithTheIndependentFormulation()
    {
        int[] lengths = [1, 2, 3, 6, 11, 12, 36, 48];
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            foreach (var months in lengths)
            {
                Assert.Equal(IndependentCalendar.CivilEnd(day, months), CivilCodePeriod.EndOfMonths(day, months));
            }
        }
    }

    [Fact]
    [Trait("Rule", "R-CE-03")]
    public void For_WhenEveryIssueDay2000To2050_EndsAsTheIndependentFormulationAndIsCappedOnlyByAnEarlierCard()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var expected = IndependentCalendar.CivilEnd(day, 36);
            var oneDayShort = DateOnly.FromDayNumber(expected.DayNumber - 1);
            var oneDayLonger = DateOnly.FromDayNumber(expected.DayNumber + 1);

            var farCard = CertificateValidity.For(day, Last.AddYears(10));
            Assert.Equal(expected, farCard.ExpiresOn);
            Assert.False(farCard.IsCappedByCard);

            var shortCard = CertificateValidity.For(day, oneDayShort);
            Assert.Equal(oneDayShort, shortCard.ExpiresOn);
            Assert.Equal(expected, shortCard.UncappedExpiresOn);
            Assert.True(shortCard.IsCappedByCard);

            Assert.Equal(expected, CertificateValidity.For(day, expected).ExpiresOn);
            Assert.False(CertificateValidity.For(day, expected).IsCappedByCard);
            Assert.Equal(expected, CertificateValidity.For(day, oneDayLonger).ExpiresOn);
        }
    }

    [Fact]
    [Trait("Rule", "R-CE-04")]
    public void OpensOn_WhenEveryExpiryDay2000To2050_AgreesWithTheIndependentFormulationAndBothEndsAreOpen()
    {
        for (var expiry = First; expiry <= Last; expiry = expiry.AddDays(1))
        {
            var opening = IndependentCalendar.RenewalOpening(expiry);
            Assert.Equal(opening, RenewalWindow.OpensOn(expiry));

            Assert.False(RenewalWindow.IsOpenOn(expiry, DateOnly.FromDayNumber(opening.DayNumber - 1)));
            Assert.True(RenewalWindow.IsOpenOn(expiry, opening));
            Assert.True(RenewalWindow.IsOpenOn(expiry, expiry));
            Assert.False(RenewalWindow.IsOpenOn(expiry, DateOnly.FromDayNumber(expiry.DayNumber + 1)));
        }
    }
}

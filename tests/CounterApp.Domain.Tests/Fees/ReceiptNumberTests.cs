using System.Text.RegularExpressions;
using CounterApp.Domain.Fees;

namespace CounterApp.Domain.Tests.Fees;

/// <summary>R-FE-02: one receipt number per payment, sequential per office and fiscal year, never reused.</summary>
[Trait("Rule", "R-FE-02")]
public sealed partial class ReceiptNumberTests
{
    [Fact]
    public void ToString_WhenFormatted_IsOfficeFiscalYearAndSixDigitSequence()
    {
        Assert.Equal("001-2026-000042", new ReceiptNumber("001", 2026, 42).ToString());
        Assert.Equal("001-2026-000001", new ReceiptNumber("001", 2026, 1).ToString());
        Assert.Equal("001-2026-999999", new ReceiptNumber("001", 2026, 999_999).ToString());
        Assert.Matches(Shape(), new ReceiptNumber("162019", 2025, 7).ToString());
    }

    [Fact]
    public void Next_WhenCalled_IsTheFollowingNumberInTheSameOfficeAndYear()
    {
        var first = new ReceiptNumber("001", 2026, 1);

        var next = first.Next();

        Assert.Equal(new ReceiptNumber("001", 2026, 2), next);
        Assert.Equal("001", next.OfficeCode);
        Assert.Equal(2026, next.FiscalYear);
        Assert.Equal(2, next.Sequence);
        Assert.Equal(1, first.Sequence);
    }

    [Fact]
    public void Next_WhenCalledRepeatedly_NeverRepeatsAndSortsInIssueOrder()
    {
        var numbers = new List<string>();
        var receipt = new ReceiptNumber("001", 2026, 1);
        for (var i = 0; i < 1200; i++)
        {
            numbers.Add(receipt.ToString());
            receipt = receipt.Next();
        }

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers, numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Next_WhenTheSequenceIsExhausted_ThrowsRatherThanWrapping()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiptNumber("001", 2026, 999_999).Next());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Constructor_WhenSequenceOutOfRange_Throws(long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiptNumber("001", 2026, sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_WhenNoOffice_Throws(string office)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ReceiptNumber(office, 2026, 1));
    }

    [Fact]
    public void Equality_WhenSameOfficeYearAndSequence_IsEqualOtherwiseNot()
    {
        Assert.Equal(new ReceiptNumber("001", 2026, 5), new ReceiptNumber("001", 2026, 5));
        Assert.NotEqual(new ReceiptNumber("001", 2026, 5), new ReceiptNumber("002", 2026, 5));
        Assert.NotEqual(new ReceiptNumber("001", 2026, 5), new ReceiptNumber("001", 2025, 5));
    }

    [Theory]
    [InlineData(2026, 3, 31, "001-2025-000001")]
    [InlineData(2026, 4, 1, "001-2026-000001")]
    public void ToString_WhenPaidEitherSideOf1April_CarriesThatDaysFiscalYear(int y, int m, int d, string expected)
    {
        var receipt = new ReceiptNumber("001", FiscalYear.Of(new DateOnly(y, m, d)), 1);

        Assert.Equal(expected, receipt.ToString());
    }

    [GeneratedRegex(@"^\d+-\d{4}-\d{6}$")]
    private static partial Regex Shape();
}

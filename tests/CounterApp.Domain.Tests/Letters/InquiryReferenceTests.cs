using CounterApp.Domain.Letters;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Letters;

[Trait("Rule", "R-VI-04")]
public sealed class InquiryReferenceTests
{
    // 79927398713 is the textbook Luhn example; a leading zero does not change the check digit.
    private const string Valid = "079927398713";

    [Fact]
    public void FromBody_WhenGivenElevenDigits_AppendsTheLuhnCheckDigit()
    {
        var reference = InquiryReference.FromBody(7992739871);

        Assert.Equal(Valid, reference.Value);
        Assert.Equal(Valid, reference.ToString());
        Assert.Equal("0799-2739-8713", reference.Display);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(100_000_000_000L)]
    public void FromBody_WhenOutOfRange_Throws(long body)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InquiryReference.FromBody(body));
    }

    [Theory]
    [InlineData("079927398713")]
    [InlineData("0799-2739-8713")]
    [InlineData(" 0799 2739 8713 ")]
    [InlineData("０７９９２７３９８７１３")] // full-width digits
    [InlineData("０７９９－２７３９－８７１３")] // full-width digits and hyphens
    [InlineData("０７９９　２７３９　８７１３")] // full-width spaces
    [InlineData("0799－2739-８７１３")] // mixed
    [InlineData("0799ー2739−8713")] // 長音 and minus sign from a Japanese input method
    public void TryParse_WhenTypedWithSeparatorsOrFullWidth_FindsTheSameReference(string typed)
    {
        Assert.True(InquiryReference.TryParse(typed, out var reference));
        Assert.Equal(Valid, reference!.Value);
        Assert.Equal(InquiryReference.FromBody(7992739871), reference);
    }

    [Fact]
    public void TryParse_WhenAnyOneDigitIsChanged_Refuses()
    {
        for (var position = 0; position < Valid.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == Valid[position])
                {
                    continue;
                }

                var typed = string.Concat(Valid.AsSpan(0, position), digit.ToString(), Valid.AsSpan(position + 1));
                Assert.False(InquiryReference.TryParse(typed, out var reference), $"{typed} was accepted.");
                Assert.Null(reference);
            }
        }
    }

    [Fact]
    public void TryParse_WhenTwoNeighbouringDigitsAreSwapped_Refuses()
    {
        var swapped = 0;
        for (var i = 0; i + 1 < Valid.Length; i++)
        {
            if (Valid[i] == Valid[i + 1])
            {
                continue;
            }

            var chars = Valid.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            var typed = new string(chars);
            Assert.False(InquiryReference.TryParse(typed, out _), $"{typed} was accepted.");
            swapped++;
        }

        Assert.Equal(10, swapped);
    }

    [Theory]
    [InlineData("0799-2739-8731")] // the last two digits transposed
    [InlineData("7099-2739-8713")] // the first two digits transposed
    [InlineData("0799-2739-8714")] // check digit off by one
    public void TryParse_WhenTypedWithATypicalSlip_Refuses(string typed)
    {
        Assert.False(InquiryReference.TryParse(typed, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("07992739871")] // 11 digits: the check digit is missing
    [InlineData("0799273987130")] // 13 digits
    [InlineData("0799-2739-871A")]
    [InlineData("0799/2739/8713")]
    [InlineData("٠٧٩٩٢٧٣٩٨٧١٣")] // Arabic-Indic digits are not reference digits
    public void TryParse_WhenNotTwelveDigits_Refuses(string? typed)
    {
        Assert.False(InquiryReference.TryParse(typed, out var reference));
        Assert.Null(reference);
    }

    [Fact]
    public void FromBody_WhenEveryBodyOfARange_RoundTripsThroughItsDisplay()
    {
        for (var body = 16322800000L; body < 16322801000L; body++)
        {
            var reference = InquiryReference.FromBody(body);
            Assert.True(InquiryReference.TryParse(reference.Display, out var parsed));
            Assert.Equal(reference, parsed);
        }
    }

    [Fact]
    public void Rule_WhenTheTypedReferenceIsValid_IsNotBroken()
    {
        Assert.True(Decision.Check([new InquiryReferenceRule("０７９９－２７３９－８７１３")]).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Rule_WhenTheTypedReferenceIsWrong_IsBrokenQuotingWhatWasTyped()
    {
        using var culture = new UiCultureScope("ja-JP");

        var decision = Decision.Check([new InquiryReferenceRule("0799-2739-8731")]);

        var broken = Expect.Broken(decision, "R-VI-04", "letter.reference");
        Assert.Equal("照会番号「0799-2739-8731」は正しくありません（12桁の数字で、最後の1桁は検査数字です）。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Rule_WhenNothingWasTyped_IsBroken()
    {
        using var culture = new UiCultureScope("ja-JP");

        var broken = Expect.Broken(Decision.Check([new InquiryReferenceRule(null)]), "R-VI-04", "letter.reference");

        Assert.Equal("照会番号「」は正しくありません（12桁の数字で、最後の1桁は検査数字です）。", broken.Message);
    }
}

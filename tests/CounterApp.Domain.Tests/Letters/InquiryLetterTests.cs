using System.Reflection;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Tests.Support;

namespace CounterApp.Domain.Tests.Letters;

public sealed class InquiryLetterTests
{
    private static readonly DateOnly November1 = new(2026, 11, 1);

    private static readonly InquiryReference NewReference = InquiryReference.FromBody(16322800002);

    private static Decision Usable(InquiryLetter letter, DateOnly today) =>
        Decision.Check([new LetterUsableRule(letter, Given.ApplicationId, today)]);

    [Fact]
    [Trait("Rule", "R-VI-05")]
    public void Prepare_WhenForAResident_IsAddressedToTheirRegisteredAddressAndName()
    {
        var letter = InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, Given.Today, 30);

        Assert.Equal(Given.Resident.Address, letter.Address);
        Assert.Equal("上市\u3000花子", letter.AddresseeName);
        Assert.Equal(Given.Resident.FullName, letter.AddresseeName);
        Assert.Equal(Given.Resident.ResidentCode, letter.ResidentCode);
        Assert.Equal(Given.ApplicationId, letter.ApplicationId);
        Assert.Equal(Given.Reference, letter.Reference);
        Assert.Equal(LetterStatus.Prepared, letter.Status);
        Assert.Null(letter.MailedOn);
        Assert.Null(letter.ValidThrough);
    }

    [Fact]
    [Trait("Rule", "R-VI-05")]
    public void InquiryLetter_WhenItsApiIsInspected_OffersNoWayToGiveAnotherAddress()
    {
        var type = typeof(InquiryLetter);

        // No public constructor, no settable property, and no public method that takes a free-text address:
        // the address can only come from a Resident (the register record).
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.All(type.GetProperties(), p => Assert.False(p.SetMethod?.IsPublic ?? false, $"{p.Name} has a public setter."));
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName);
        Assert.All(methods, m => Assert.DoesNotContain(m.GetParameters(), p => p.ParameterType == typeof(string)));
        Assert.Null(type.GetProperty(nameof(InquiryLetter.Address))!.SetMethod);
    }

    [Fact]
    [Trait("Rule", "R-VI-05")]
    public void Reissue_WhenTheResidentMovedWithinTheTown_GoesToTheNewRegisteredAddress()
    {
        var letter = Given.MailedLetter();
        var moved = Given.Resident with { Address = "富山県中新川郡上市町若杉5番地" };

        var next = letter.Reissue(NewReference, moved, Given.Today);

        Assert.Equal("富山県中新川郡上市町若杉5番地", next.Address);
        Assert.Equal(Given.Resident.Address, letter.Address);
    }

    [Fact]
    [Trait("Rule", "R-VI-05")]
    public void Reissue_WhenAskedForAnotherPerson_Throws()
    {
        var letter = Given.MailedLetter();
        var someoneElse = Given.Resident with { ResidentCode = "55555555555", Address = "富山県富山市新総曲輪1番7号" };

        Assert.Throws<InvalidOperationException>(() => letter.Reissue(NewReference, someoneElse, Given.Today));
        Assert.Equal(LetterStatus.Mailed, letter.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void ValidThrough_WhenMailedOn1NovemberFor30Days_Is1December()
    {
        var letter = Given.MailedLetter(November1);

        Assert.Equal(November1, letter.MailedOn);
        Assert.Equal(new DateOnly(2026, 12, 1), letter.ValidThrough);
        Assert.Equal(30, letter.ValidDays);
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [InlineData(2026, 11, 1, 30, 2026, 12, 1)]
    [InlineData(2026, 12, 15, 30, 2027, 1, 14)] // across the year end
    [InlineData(2028, 2, 1, 30, 2028, 3, 2)] // leap February
    [InlineData(2027, 2, 1, 30, 2027, 3, 3)]
    [InlineData(2026, 11, 1, 14, 2026, 11, 15)] // configurable length
    [InlineData(2026, 11, 1, 1, 2026, 11, 2)]
    public void ValidThrough_WhenMailed_CountsDaysFromTheDayAfterMailing(int my, int mm, int md, int days, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), Given.MailedLetter(new DateOnly(my, mm, md), days).ValidThrough);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void LetterUsable_WhenOnTheLastValidDay_IsUsable()
    {
        var letter = Given.MailedLetter(November1);

        Assert.True(Usable(letter, new DateOnly(2026, 12, 1)).IsAllowed);
        Assert.True(Usable(letter, November1).IsAllowed);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-X-03")]
    public void LetterUsable_WhenTheDayAfterTheLastValidDay_IsRefusedNamingThatDay()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter(November1);

        var broken = Expect.Broken(Usable(letter, new DateOnly(2026, 12, 2)), "R-VI-04", "letter.reference");

        Assert.Equal("照会書の有効期限（令和8年12月1日）が過ぎています。照会書の再発行が必要です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void MarkUsed_WhenUsable_MovesToUsedAndCannotBeUsedAgain()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter(November1);

        letter.MarkUsed(new DateOnly(2026, 12, 1));

        Assert.Equal(LetterStatus.Used, letter.Status);
        Assert.Equal("この照会書は既に使用されています。", Expect.Broken(Usable(letter, new DateOnly(2026, 12, 1)), "R-VI-04", "letter.reference").Message);
        var again = Assert.Throws<InvalidOperationException>(() => letter.MarkUsed(new DateOnly(2026, 12, 1)));
        Assert.Equal("この照会書は既に使用されています。", again.Message);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void MarkUsed_WhenPastItsValidity_ThrowsWithTheRefusalMessageAndStaysMailed()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter(November1);

        var error = Assert.Throws<InvalidOperationException>(() => letter.MarkUsed(new DateOnly(2026, 12, 2)));

        Assert.Contains("令和8年12月1日", error.Message, StringComparison.Ordinal);
        Assert.Equal(LetterStatus.Mailed, letter.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void LetterUsable_WhenPreparedButNotMailed_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, Given.Today, 30);

        Assert.Equal("この照会書はまだ郵送されていません。", Expect.Broken(Usable(letter, Given.Today), "R-VI-04", "letter.reference").Message);
        Assert.Throws<InvalidOperationException>(() => letter.MarkUsed(Given.Today));
        Assert.Equal(LetterStatus.Prepared, letter.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void LetterUsable_WhenReturnedUndeliverable_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter();

        letter.MarkReturnedUndeliverable();

        Assert.Equal(LetterStatus.ReturnedUndeliverable, letter.Status);
        Assert.Equal("この照会書は宛先不明で返戻されています。照会書の再発行が必要です。", Expect.Broken(Usable(letter, Given.Today), "R-VI-04", "letter.reference").Message);
        Assert.Throws<InvalidOperationException>(() => letter.MarkUsed(Given.Today));
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void Cancel_WhenTheApplicationIsWithdrawnAfterMailing_MakesTheLetterUnusableAndNotReissuable()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter();

        letter.Cancel();

        Assert.Equal(LetterStatus.Cancelled, letter.Status);
        Assert.Equal("この照会書は申請の取下げにより無効です。新たに申請してください。", Expect.Broken(Usable(letter, Given.Today), "R-VI-04", "letter.reference").Message);
        Assert.Throws<InvalidOperationException>(() => letter.MarkUsed(Given.Today));
        Assert.Throws<InvalidOperationException>(() => letter.Reissue(NewReference, Given.Resident, Given.Today));
        Assert.Throws<InvalidOperationException>(letter.Cancel);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void Reissue_WhenMailed_VoidsTheOldLetterAndPreparesANewOneForTheSameApplication()
    {
        using var culture = new UiCultureScope("ja-JP");
        var old = Given.MailedLetter();

        var next = old.Reissue(NewReference, Given.Resident, Given.Today);

        Assert.Equal(LetterStatus.Superseded, old.Status);
        Assert.Equal("この照会書は再発行により無効になっています。新しい照会書をお持ちください。", Expect.Broken(Usable(old, Given.Today), "R-VI-04", "letter.reference").Message);
        Assert.Throws<InvalidOperationException>(() => old.MarkUsed(Given.Today));
        Assert.Equal(LetterStatus.Prepared, next.Status);
        Assert.Equal(NewReference, next.Reference);
        Assert.NotEqual(old.Reference, next.Reference);
        Assert.Equal(old.ApplicationId, next.ApplicationId);
        Assert.Equal(old.ValidDays, next.ValidDays);
        Assert.Equal(Given.Today, next.PreparedOn);

        next.MarkMailed(Given.Today);
        Assert.True(Usable(next, Given.Today).IsAllowed);
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [InlineData("prepared")]
    [InlineData("returned")]
    [InlineData("expired")]
    public void Reissue_WhenTheLetterCannotOrCanNoLongerBeUsed_IsAllowed(string state)
    {
        var letter = state switch
        {
            "prepared" => InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, Given.Today, 30),
            "returned" => Given.MailedLetter(),
            _ => Given.MailedLetter(November1),
        };
        if (state == "returned")
        {
            letter.MarkReturnedUndeliverable();
        }
        else if (state == "expired")
        {
            Assert.True(letter.ExpireIfDue(new DateOnly(2026, 12, 2)));
        }

        var next = letter.Reissue(NewReference, Given.Resident, Given.Today);

        Assert.Equal(LetterStatus.Superseded, letter.Status);
        Assert.Equal(LetterStatus.Prepared, next.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void Reissue_WhenUsedOrAlreadySuperseded_Throws()
    {
        var used = Given.MailedLetter();
        used.MarkUsed(Given.Today);
        var superseded = Given.MailedLetter();
        superseded.Reissue(NewReference, Given.Resident, Given.Today);

        Assert.Throws<InvalidOperationException>(() => used.Reissue(NewReference, Given.Resident, Given.Today));
        Assert.Throws<InvalidOperationException>(() => superseded.Reissue(NewReference, Given.Resident, Given.Today));
        Assert.Equal(LetterStatus.Used, used.Status);
        Assert.Equal(LetterStatus.Superseded, superseded.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void ExpireIfDue_WhenOnTheLastValidDay_KeepsItMailed()
    {
        var letter = Given.MailedLetter(November1);

        Assert.False(letter.ExpireIfDue(new DateOnly(2026, 12, 1)));
        Assert.Equal(LetterStatus.Mailed, letter.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void ExpireIfDue_WhenTheDayAfter_ClosesItOnceAsExpired()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter(November1);

        Assert.True(letter.ExpireIfDue(new DateOnly(2026, 12, 2)));
        Assert.False(letter.ExpireIfDue(new DateOnly(2026, 12, 3)));

        Assert.Equal(LetterStatus.Expired, letter.Status);
        Assert.Equal("この照会書は有効期限切れとして処理済みです。照会書の再発行が必要です。", Expect.Broken(Usable(letter, new DateOnly(2026, 12, 1)), "R-VI-04", "letter.reference").Message);
        Assert.Throws<InvalidOperationException>(() => letter.MarkUsed(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void ExpireIfDue_WhenNotMailedOrAlreadyClosed_DoesNothing()
    {
        var prepared = InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30);
        var used = Given.MailedLetter(November1);
        used.MarkUsed(November1);
        var returned = Given.MailedLetter(November1);
        returned.MarkReturnedUndeliverable();
        var far = new DateOnly(2027, 6, 1);

        Assert.False(prepared.ExpireIfDue(far));
        Assert.False(used.ExpireIfDue(far));
        Assert.False(returned.ExpireIfDue(far));
        Assert.Equal((LetterStatus.Prepared, LetterStatus.Used, LetterStatus.ReturnedUndeliverable), (prepared.Status, used.Status, returned.Status));
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void LetterUsable_WhenTheLetterBelongsToAnotherApplication_IsRefused()
    {
        using var culture = new UiCultureScope("ja-JP");
        var letter = Given.MailedLetter();

        var decision = Decision.Check([new LetterUsableRule(letter, Guid.NewGuid(), Given.Today)]);

        Assert.Equal("この照会書は別の申請のものです。", Expect.Broken(decision, "R-VI-04", "letter.reference").Message);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void MarkMailed_WhenAlreadyMailed_Throws()
    {
        var letter = Given.MailedLetter(November1);

        Assert.Throws<InvalidOperationException>(() => letter.MarkMailed(November1.AddDays(1)));
        Assert.Equal(November1, letter.MailedOn);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void MarkMailed_WhenBeforeTheLetterWasPrepared_Throws()
    {
        var letter = InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30);

        Assert.Throws<InvalidOperationException>(() => letter.MarkMailed(November1.AddDays(-1)));
        Assert.Equal(LetterStatus.Prepared, letter.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void MarkReturnedUndeliverable_WhenNotMailed_Throws()
    {
        var prepared = InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30);
        var used = Given.MailedLetter();
        used.MarkUsed(Given.Today);

        Assert.Throws<InvalidOperationException>(prepared.MarkReturnedUndeliverable);
        Assert.Throws<InvalidOperationException>(used.MarkReturnedUndeliverable);
        Assert.Equal(LetterStatus.Used, used.Status);
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void MarkMailed_WhenSupersededOrReturned_Throws()
    {
        var superseded = InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30);
        superseded.Reissue(NewReference, Given.Resident, November1);
        var returned = Given.MailedLetter();
        returned.MarkReturnedUndeliverable();

        Assert.Throws<InvalidOperationException>(() => superseded.MarkMailed(November1));
        Assert.Throws<InvalidOperationException>(() => returned.MarkMailed(Given.Today));
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [InlineData(0)]
    [InlineData(-30)]
    public void Prepare_WhenTheValidityIsNotPositive_Throws(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InquiryLetter.Prepare(Given.Reference, Given.ApplicationId, Given.Resident, Given.Today, days));
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    public void Restore_WhenRebuiltFromStorage_KeepsStatusAndValidity()
    {
        var letter = InquiryLetter.Restore(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30, LetterStatus.Mailed, November1);

        Assert.Equal(LetterStatus.Mailed, letter.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), letter.ValidThrough);
        Assert.Equal(Given.Resident.Address, letter.Address);
        Assert.True(Usable(letter, new DateOnly(2026, 12, 1)).IsAllowed);
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [InlineData(LetterStatus.Mailed, false)]
    [InlineData(LetterStatus.Used, false)]
    [InlineData(LetterStatus.ReturnedUndeliverable, false)]
    [InlineData(LetterStatus.Expired, false)]
    [InlineData(LetterStatus.Prepared, true)]
    public void Restore_WhenTheMailingDayDoesNotFitTheStatus_Throws(LetterStatus status, bool withMailingDay)
    {
        // A "mailed" letter without a mailing day would have no last valid day and never expire.
        DateOnly? mailedOn = withMailingDay ? November1 : null;

        var error = Assert.Throws<ArgumentException>(
            () => InquiryLetter.Restore(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30, status, mailedOn));

        Assert.Equal("mailedOn", error.ParamName);
    }

    [Theory]
    [Trait("Rule", "R-VI-04")]
    [InlineData(true)]
    [InlineData(false)]
    public void Restore_WhenSuperseded_AcceptsWithOrWithoutAMailingDay(bool withMailingDay)
    {
        // A letter may be reissued before it was ever mailed.
        DateOnly? mailedOn = withMailingDay ? November1 : null;

        var letter = InquiryLetter.Restore(Given.Reference, Given.ApplicationId, Given.Resident, November1, 30, LetterStatus.Superseded, mailedOn);

        Assert.Equal(LetterStatus.Superseded, letter.Status);
        Assert.True(Usable(letter, November1).Breaks("R-VI-04"));
    }

    [Fact]
    [Trait("Rule", "R-VI-04")]
    [Trait("Rule", "R-X-03")]
    public void LetterUsable_WhenEnglishIsTheUiCulture_SaysItInEnglish()
    {
        using var culture = new UiCultureScope("en-US");
        var letter = Given.MailedLetter(November1);

        var broken = Expect.Broken(Usable(letter, new DateOnly(2026, 12, 2)), "R-VI-04", "letter.reference");

        Assert.Equal("The inquiry letter expired on 2026-12-01; a new letter must be issued.", broken.Message);
    }

    [Fact]
    public void Given_WhenTheDemoResidentIsUsed_LivesInKamiichi()
    {
        Assert.Equal("163228", Given.Resident.MunicipalityCode);
        Assert.Equal(RegisterStatus.Registered, Given.Resident.RegisterStatus);
        Assert.StartsWith("富山県中新川郡上市町", Given.Resident.Address, StringComparison.Ordinal);
    }
}

using System.Globalization;
using CounterApp.Domain.Calendar;
using CounterApp.Domain.Rules;
using CounterApp.Domain.Time;

namespace CounterApp.Domain.Tests.Calendar;

public sealed class CounterHoursRulesTests
{
    private static readonly OfficeHours Hours = OfficeHours.Default;

    private static DateTime At(int y, int m, int d, int h, int min, int s = 0) => new(y, m, d, h, min, s);

    [Theory]
    [Trait("Rule", "R-HR-01")]
    [InlineData(8, 29, 59, false)]
    [InlineData(8, 30, 0, true)]
    [InlineData(11, 59, 59, true)]
    [InlineData(12, 0, 0, false)]
    [InlineData(12, 59, 59, false)]
    [InlineData(13, 0, 0, true)]
    [InlineData(16, 29, 59, true)]
    [InlineData(16, 30, 0, false)]
    public void Check_WhenWeekdayAtSessionBoundary_AllowsOnlyInsideSessions(int h, int m, int s, bool allowed)
    {
        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 25, h, m, s));

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(!allowed, decision.Breaks("R-HR-01"));
        Assert.False(decision.Breaks("R-HR-02"));
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenAfterHoursOnFridayBeforeHoliday_SaysWhyAndOpensTuesday()
    {
        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 20, 16, 30));

        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("R-HR-01", broken.RuleId);
        Assert.Equal("visit.time", broken.Field);
        Assert.Equal("受付時間外です（受付時間：平日 8:30～12:00、13:00～16:30）。次の受付開始は令和8年11月24日 8:30です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenSaturday_NamesTheDayAndNextMonday()
    {
        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 28, 10, 0));

        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("R-HR-01", broken.RuleId);
        Assert.Equal("土曜日は受付を行っていません（受付時間：平日 8:30～12:00、13:00～16:30）。次の受付開始は令和8年11月30日 8:30です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-HR-02")]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenNationalHolidayDuringSessionHours_RefusesWithTheHolidayName()
    {
        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 23, 10, 0));

        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("R-HR-02", broken.RuleId);
        Assert.Equal("visit.date", broken.Field);
        Assert.Equal("令和8年11月23日は国民の祝日（勤労感謝の日）のため、電子証明書の手続きは受け付けていません。次の受付開始は令和8年11月24日 8:30です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    [Trait("Rule", "R-HR-02")]
    public void Check_WhenHolidayAtEightPm_BreaksBothRulesAtOnce()
    {
        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 23, 20, 0));

        Assert.False(decision.IsAllowed);
        Assert.Equal(["R-HR-01", "R-HR-02"], decision.BrokenRules.Select(b => b.RuleId));
        Assert.All(decision.BrokenRules, b => Assert.EndsWith("次の受付開始は令和8年11月24日 8:30です。", b.Message, StringComparison.Ordinal));
    }

    [Theory]
    [Trait("Rule", "R-HR-02")]
    [InlineData(2023, 12, 28, true)]
    [InlineData(2023, 12, 29, false)]
    [InlineData(2024, 1, 3, false)]
    [InlineData(2024, 1, 4, true)]
    public void Check_WhenAroundYearEndClosure_RefusesFrom29DecemberTo3January(int y, int m, int d, bool allowed)
    {
        var decision = CounterHoursRules.Check(Hours, At(y, m, d, 10, 0));

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(!allowed, decision.Breaks("R-HR-02"));
        Assert.False(decision.Breaks("R-HR-01"));
    }

    [Fact]
    [Trait("Rule", "R-HR-02")]
    public void Check_WhenNewYearsDay_GivesEveryReasonInOneMessage()
    {
        var decision = CounterHoursRules.Check(Hours, At(2026, 1, 1, 10, 0));

        var broken = Assert.Single(decision.BrokenRules);
        Assert.Equal("令和8年1月1日は国民の祝日（元日）・年末年始の休業期間（12月29日～1月3日）のため、電子証明書の手続きは受け付けていません。次の受付開始は令和8年1月5日 8:30です。", broken.Message);
    }

    [Fact]
    [Trait("Rule", "R-HR-02")]
    public void Check_WhenHolidayOpeningDay_RefusesEvenThoughTheTownHallIsOpen()
    {
        var hours = Hours.WithHolidayOpeningDays([new DateOnly(2026, 11, 28)]);

        var decision = CounterHoursRules.Check(hours, At(2026, 11, 28, 10, 0));

        // A Saturday: outside the counter's days (R-HR-01) and a 休日開庁日 (R-HR-02).
        Assert.Equal(["R-HR-01", "R-HR-02"], decision.BrokenRules.Select(b => b.RuleId));
        Assert.Equal("令和8年11月28日は休日開庁日のため、電子証明書の手続きは受け付けていません。次の受付開始は令和8年11月30日 8:30です。", decision.BrokenRules[1].Message);
    }

    [Fact]
    [Trait("Rule", "R-HR-02")]
    public void Check_WhenHolidayOpeningDayOnAHoliday_NamesBothReasons()
    {
        var hours = Hours.WithHolidayOpeningDays([new DateOnly(2026, 11, 23)]);

        var broken = Assert.Single(CounterHoursRules.Check(hours, At(2026, 11, 23, 10, 0)).BrokenRules);

        Assert.Contains("国民の祝日（勤労感謝の日）・休日開庁日のため", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenSupervisorOverridesOutsideHours_AllowsAndRecordsEverySetAsideRule()
    {
        var approval = new SupervisorOverride("R-HR-03", "係長 山田", "住民の転居前日のため時間外に受付");

        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 23, 20, 0), [approval]);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.BrokenRules);
        Assert.Equal(["R-HR-01", "R-HR-02"], decision.Overrides.Select(o => o.SetAside.RuleId));
        Assert.All(decision.Overrides, o =>
        {
            Assert.Equal("R-HR-03", o.OverrideRuleId);
            Assert.Equal("係長 山田", o.Supervisor);
            Assert.Equal("住民の転居前日のため時間外に受付", o.Reason);
            Assert.Contains("次の受付開始は", o.SetAside.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenOverrideIsForAnotherRule_StillRefuses()
    {
        var unrelated = new SupervisorOverride("R-ID-02", "係長 山田", "住所未更新の免許証を確認済み");

        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 28, 10, 0), [unrelated]);

        Assert.False(decision.IsAllowed);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenOpen_RecordsNoOverrideEvenIfOneIsGiven()
    {
        var approval = new SupervisorOverride("R-HR-03", "係長 山田", "念のため");

        var decision = CounterHoursRules.Check(Hours, At(2026, 11, 25, 10, 0), [approval]);

        Assert.True(decision.IsAllowed);
        Assert.Empty(decision.Overrides);
    }

    [Fact]
    [Trait("Rule", "R-HR-01")]
    public void Check_WhenGivenTimeProvider_JudgesTokyoTimeNotUtc()
    {
        // 2026-11-24 23:45 UTC is Wednesday 2026-11-25 08:45 in Tokyo: open, though UTC says Tuesday night.
        var time = new FixedTime(new DateTimeOffset(2026, 11, 24, 23, 45, 0, TimeSpan.Zero));

        Assert.True(CounterHoursRules.Check(Hours, time).IsAllowed);
        Assert.Equal(At(2026, 11, 25, 8, 45), TokyoClock.Now(time));
    }

    [Fact]
    [Trait("Rule", "R-HR-03")]
    public void Check_WhenEnglishUiCulture_GivesEnglishMessages()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var decision = CounterHoursRules.Check(Hours, At(2026, 11, 23, 20, 0));

            Assert.Equal(
                "Outside counter hours (hours: weekdays 8:30–12:00, 13:00–16:30). The counter next opens at 2026-11-24 8:30.",
                decision.BrokenRules[0].Message);
            Assert.Equal(
                "Certificate procedures are not accepted on 2026-11-23: national holiday (勤労感謝の日). The counter next opens at 2026-11-24 8:30.",
                decision.BrokenRules[1].Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using CounterApp.Web.Data;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Features.DayClose;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Features.Voids;
using CounterApp.Web.Tests.Features.Ledger;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.DayClose;

public sealed class DayCloseHandlerTests(PostgresServer postgres)
{
    private static readonly FeeLine Issuance = new(FeeItem.CertificateIssuance, 500);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Overview_BeforeAndAfterTheClose_ShowsTotalsAndWhoClosedTheDay(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var day = LedgerKit.Day1;
        await kit.PayAsync(LedgerKit.At(day, 9, 0), "clerk", Issuance);
        var voided = await kit.PayAsync(LedgerKit.At(day, 9, 30), "clerk", Issuance);
        await kit.VoidAsync(voided, LedgerKit.At(day, 9, 40), PaymentVoidKind.Void, "書込み失敗");
        kit.Clock.Now = LedgerKit.At(day, 17, 0);

        DayOverview before;
        await using (var db = kit.NewContext())
        {
            before = await new DayOverviewQuery(db, new LedgerReader(db)).LoadAsync(kit.OfficeId, day);
        }

        Assert.False(before.IsClosed);
        Assert.Equal((2, 1_000, 500, 500), (before.Ledger.Receipts.Count, before.Ledger.Collected, before.Ledger.Voided, before.Ledger.Expected));
        Assert.Null(before.ClosedBy);

        var closed = await kit.CloseAsync(day, cash: 500);
        Assert.True(closed.Decision.IsAllowed);

        await using var after = kit.NewContext();
        var overview = await new DayOverviewQuery(after, new LedgerReader(after)).LoadAsync(kit.OfficeId, day);
        Assert.True(overview.IsClosed);
        Assert.Equal(("supervisor", "係長 二郎", 500), (overview.ClosedBy, overview.ClosedByName, overview.CashCounted));
        Assert.Equal(LedgerKit.At(day, 17, 0).UtcDateTime, overview.ClosedAtUtc);
        Assert.Empty(overview.PendingVoids);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Print_WhenOpenThenClosed_PrintsThePreviewThenTheStoredOriginalAndAuditsEachPrint(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var day = LedgerKit.Day1;
        await kit.PayAsync(LedgerKit.At(day, 9, 0), "clerk", Issuance);
        kit.Clock.Now = LedgerKit.At(day, 17, 0);

        LedgerPdfResult preview;
        await using (var db = kit.NewContext())
        {
            preview = await new LedgerPdfDownload(LedgerKit.Print(db, kit.Clock), new AuditTrail(db, kit.Clock)).PrintAsync(kit.OfficeId, day, "supervisor", "2");
        }

        var close = await kit.CloseAsync(day, cash: 500);
        LedgerPdfResult original;
        await using (var db = kit.NewContext())
        {
            original = await new LedgerPdfDownload(LedgerKit.Print(db, kit.Clock), new AuditTrail(db, kit.Clock)).PrintAsync(kit.OfficeId, day, "supervisor", "2");
        }

        Assert.False(preview.Print!.IsClosedOriginal);
        Assert.True(original.Print!.IsClosedOriginal);
        Assert.Equal(close.Closed!.Sha256, original.Print.Sha256);
        Assert.Equal("%PDF"u8.ToArray(), original.Print.Pdf[..4].ToArray());
        await using var check = kit.NewContext();
        var prints = await check.AuditEntries.AsNoTracking().Where(a => a.Action == LedgerPdfDownload.AuditAction).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, prints.Count);
        Assert.All(prints, p => Assert.Equal(("supervisor", "2", AuditOutcomes.Succeeded), (p.Actor, p.Counter, p.Outcome)));
        Assert.Contains("\"closedOriginal\":\"false\"", prints[0].Details, StringComparison.Ordinal);
        Assert.Contains($"\"sha256\":\"{close.Closed.Sha256}\"", prints[1].Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-03")]
    [Trait("Rule", "R-FE-04")]
    public async Task Overview_WhenAVoidRequestIsPending_ListsItSoTheSupervisorIsWarnedBeforeClosing(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var day = LedgerKit.Day1;
        var receipt = await kit.PayAsync(LedgerKit.At(day, 9, 0), "clerk", Issuance);
        await using (var seed = kit.NewContext())
        {
            seed.Set<VoidRequestRecord>().Add(new VoidRequestRecord
            {
                ReceiptId = receipt.Id,
                Kind = PaymentVoidKind.Refund,
                Reason = "カード書込み失敗",
                RequestedBy = "clerk",
                RequestedAt = LedgerKit.At(day, 9, 10).UtcDateTime,
                State = VoidRequestState.Pending,
            });
            await seed.SaveChangesAsync();
        }

        await using var db = kit.NewContext();
        var overview = await new DayOverviewQuery(db, new LedgerReader(db)).LoadAsync(kit.OfficeId, day);

        var pending = Assert.Single(overview.PendingVoids);
        Assert.Equal((receipt.Number, 500, "カード書込み失敗", "clerk"), (pending.ReceiptNumber, pending.Total, pending.Reason, pending.RequestedBy));
        Assert.Equal(500, overview.Ledger.Expected);
        Assert.False(overview.IsClosed);
    }

    [Theory]
    [InlineData("12,345円", 12_345)]
    [InlineData("０", 0)]
    [InlineData(" １５００ ", 1_500)]
    [Trait("Rule", "R-X-03")]
    public void CashCount_WhenTypedWithSeparatorsOrFullWidth_Reads(string text, int expected)
    {
        Assert.True(CashCountInput.TryParse(text, out var cash, out var error));
        Assert.Equal(expected, cash);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "現金実査額を入力")]
    [InlineData("-100", "現金実査額は0以上の整数")]
    [InlineData("12.5", "現金実査額は0以上の整数")]
    [InlineData("9999999999", "現金実査額は0以上の整数")]
    [Trait("Rule", "R-X-03")]
    public void CashCount_WhenNotAWholeNonNegativeAmount_NamesTheField(string text, string message)
    {
        using var culture = new JapaneseUiCulture();
        Assert.False(CashCountInput.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}

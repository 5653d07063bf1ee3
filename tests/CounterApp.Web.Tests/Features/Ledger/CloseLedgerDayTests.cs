using System.Security.Cryptography;
using CounterApp.Domain.Fees;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.Ledger;
using CounterApp.Web.Tests.Documents;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Features.Ledger;

public sealed class CloseLedgerDayTests(PostgresServer postgres)
{
    private static readonly FeeLine Issuance = new(FeeItem.CertificateIssuance, 500);
    private static readonly FeeLine Renewal = new(FeeItem.CertificateRenewal, 500);
    private static readonly FeeLine Card = new(FeeItem.ResidentCard, 500);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Close_WhenSupervisorCountsTheCash_StoresTheLedgerOnceWithItsHashAndTotalsMatchSql(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var day = LedgerKit.Day1;
        await kit.PayAsync(LedgerKit.At(day, 9, 5), "clerk", Issuance, Card);
        var voided = await kit.PayAsync(LedgerKit.At(day, 10, 10), "clerk", Renewal);
        await kit.PayAsync(LedgerKit.At(day, 13, 30), "supervisor", Issuance);
        await kit.VoidAsync(voided, LedgerKit.At(day, 10, 20), PaymentVoidKind.Void, "書込み失敗のため取消");
        kit.Clock.Now = LedgerKit.At(day, 17, 5);

        var result = await kit.CloseAsync(day, cash: 1_400);

        Assert.True(result.Decision.IsAllowed, string.Join(" / ", result.Decision.BrokenRules.Select(b => b.Message)));
        var closed = result.Closed!;
        await using var db = kit.NewContext();
        var sql = await SqlTotalsAsync(db, kit.OfficeId, day);
        Assert.Equal(2_000, sql.Collected);
        Assert.Equal(500, sql.Voided);
        Assert.Equal(sql.Collected - sql.Voided, closed.ExpectedTotal);
        Assert.Equal(-100, closed.Difference);

        var row = await db.LedgerDays.AsNoTracking().SingleAsync(d => d.OfficeId == kit.OfficeId && d.Day == day);
        Assert.Equal(LedgerDayStatus.Closed, row.Status);
        Assert.Equal("supervisor", row.ClosedBy);
        Assert.Equal(1_400, row.CashCounted);
        Assert.Equal(1_500, row.ExpectedTotal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(row.LedgerPdf!)), row.LedgerPdfSha256);
        Assert.Equal(closed.Sha256, row.LedgerPdfSha256);

        // R-X-01: the hash is in the audit log.
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == CloseLedgerDayHandler.AuditAction).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("supervisor", entry.Actor);
        Assert.Contains(closed.Sha256, entry.Details);

        var text = PdfTools.Squeeze(await PdfTools.TextAsync(row.LedgerPdf!));
        Assert.Contains("締め済", text);
        Assert.Contains("収納額合計 2,000円", text);
        Assert.Contains("取消・還付額合計 △500円", text);
        Assert.Contains("現金あるべき額 1,500円", text);
        Assert.Contains("現金実査額 1,400円", text);
        Assert.Contains("△100円（不足）", text);
        Assert.Contains("締め（係長） 係長 二郎", text);
        Assert.Contains("令和8年(2026年)11月24日 17:05", text);
        Assert.Contains("窓口 一郎", text);
        Assert.Contains("2番", text);
        Assert.Contains("書込み失敗のため取消", text);
        Assert.Contains("1 / 1", text);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task ClosedDay_WhenChangedWithDirectSql_TheDatabaseRefuses(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var day = LedgerKit.Day1;
        var receipt = await kit.PayAsync(LedgerKit.At(day, 9, 0), "clerk", Issuance);
        var other = await kit.PayAsync(LedgerKit.At(day, 9, 30), "clerk", Renewal);
        kit.Clock.Now = LedgerKit.At(day, 17, 0);
        Assert.True((await kit.CloseAsync(day, 1_000)).Decision.IsAllowed);

        string[] statements =
        [
            $"UPDATE receipts SET total = 1 WHERE id = {receipt.Id}",
            $"UPDATE receipts SET ledger_day = '2026-11-25' WHERE id = {receipt.Id}",
            $"DELETE FROM receipts WHERE id = {receipt.Id}",
            $"INSERT INTO receipts (office_id, fiscal_year, sequence, number, clerk, paid_at, ledger_day, total) VALUES ({kit.OfficeId}, 2026, 99, '001-2026-000099', 'clerk', '2026-11-24 08:30:00+00', '2026-11-24', 500)",
            $"UPDATE receipt_lines SET amount = 1 WHERE receipt_id = {receipt.Id}",
            $"DELETE FROM receipt_lines WHERE receipt_id = {receipt.Id}",
            $"INSERT INTO receipt_lines (receipt_id, item, amount) VALUES ({receipt.Id}, 'ResidentCard', 500)",
            $"INSERT INTO receipt_voids (receipt_id, kind, reason, requested_by, approved_by, at, ledger_day) VALUES ({other.Id}, 'Void', 'x', 'clerk', 'supervisor', '2026-11-24 08:00:00+00', '2026-11-24')",
            $"UPDATE ledger_days SET cash_counted = 999999 WHERE office_id = {kit.OfficeId}",
            $"UPDATE ledger_days SET status = 'Open' WHERE office_id = {kit.OfficeId}",
            $"UPDATE ledger_days SET ledger_pdf = NULL, ledger_pdf_sha256 = NULL WHERE office_id = {kit.OfficeId}",
            $"DELETE FROM ledger_days WHERE office_id = {kit.OfficeId}",
        ];
        foreach (var statement in statements)
        {
            await using var db = kit.NewContext();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(statement));
            Assert.True(ClosedDayRefusal.Is(error), $"{statement}: {error.Message}");
        }

        if (provider == DatabaseProvider.Postgres)
        {
            await using var db = kit.NewContext();
            Assert.True(ClosedDayRefusal.Is(await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE receipt_voids"))));
        }

        // Nothing moved, and a payment on an open day still goes in.
        await using var check = kit.NewContext();
        Assert.Equal(1_000, await check.Receipts.Where(r => r.LedgerDay == day).SumAsync(r => r.Total));
        Assert.Equal(2, await check.ReceiptLines.CountAsync());
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day2, 9, 0), "clerk", Issuance);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Close_WhenClosedTwice_SecondIsRefusedAndTheStoredPdfStays(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day1, 9, 0), "clerk", Issuance);
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 17, 0);
        var first = await kit.CloseAsync(LedgerKit.Day1, 500);
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 17, 30);

        var second = await kit.CloseAsync(LedgerKit.Day1, 600);

        Assert.False(second.Decision.IsAllowed);
        var broken = Assert.Single(second.Decision.BrokenRules);
        Assert.Equal("R-FE-04", broken.RuleId);
        Assert.Contains("締め済み", broken.Message);
        await using var db = kit.NewContext();
        var row = await db.LedgerDays.AsNoTracking().SingleAsync();
        Assert.Equal(first.Closed!.Sha256, row.LedgerPdfSha256);
        Assert.Equal(500, row.CashCounted);
        Assert.Contains(await db.AuditEntries.AsNoTracking().ToListAsync(), a => a.Action == CloseLedgerDayHandler.AuditAction && a.Outcome == "refused");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Close_WhenNotASupervisorFutureDayNegativeCashOrTotalsChanged_RefusesWithEveryRule(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day1, 9, 0), "clerk", Issuance);
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 17, 0);
        await using var db = kit.NewContext();
        var handler = kit.Close(db, kit.Clock);

        var byClerk = await handler.HandleAsync(new CloseLedgerDay(kit.OfficeId, LedgerKit.Day2, -1, 500, "clerk"));
        Assert.Equal(["cashCounted", "day", "supervisor"], byClerk.Decision.BrokenRules.Select(b => b.Field).Order());
        Assert.Contains(byClerk.Decision.BrokenRules, b => b.Message.Contains("係長", StringComparison.Ordinal));
        Assert.Contains(byClerk.Decision.BrokenRules, b => b.Message.Contains("令和8年11月25日", StringComparison.Ordinal));

        // A payment after the review: the supervisor must look again.
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day1, 16, 0), "clerk", Renewal);
        var stale = await handler.HandleAsync(new CloseLedgerDay(kit.OfficeId, LedgerKit.Day1, 500, 500, "supervisor"));
        var broken = Assert.Single(stale.Decision.BrokenRules);
        Assert.Equal("expectedTotal", broken.Field);
        Assert.Contains("500円 → 1,000円", broken.Message);
        Assert.False(await db.LedgerDays.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Adjustment_WhenRefundOfAClosedDayIsRecordedNextDay_CountsThereAndTheClosedDayReprintsByteForByte(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        var charged = await kit.PayAsync(LedgerKit.At(LedgerKit.Day1, 9, 0), "clerk", Issuance, Card);
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day1, 11, 0), "clerk", Renewal);
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 17, 0);
        var closed = (await kit.CloseAsync(LedgerKit.Day1, 1_500)).Closed!;
        byte[] stored;
        await using (var db = kit.NewContext())
        {
            stored = (await db.LedgerDays.AsNoTracking().SingleAsync()).LedgerPdf!;
        }

        // Next morning: the card fee turns out to have been charged in error; refund the receipt, approved by the supervisor.
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day2, 9, 15);
        await kit.PayAsync(LedgerKit.At(LedgerKit.Day2, 9, 10), "clerk", Renewal);
        RecordLedgerAdjustmentResult adjusted;
        await using (var db = kit.NewContext())
        {
            adjusted = await LedgerKit.Adjust(db, kit.Clock).HandleAsync(
                new RecordLedgerAdjustment(kit.OfficeId, charged.Number, PaymentVoidKind.Refund, "カード交付手数料の誤徴収", "clerk", "supervisor"));
        }

        Assert.True(adjusted.Decision.IsAllowed, string.Join(" / ", adjusted.Decision.BrokenRules.Select(b => b.Message)));
        Assert.True(adjusted.Recorded!.IsAdjustmentOfEarlierDay);
        Assert.Equal(LedgerKit.Day2, adjusted.Recorded.RecordedOn);

        await using (var db = kit.NewContext())
        {
            var day2 = await new LedgerReader(db).DayAsync(kit.OfficeId, LedgerKit.Day2, 0);
            Assert.Equal(500, day2.Collected);
            Assert.Equal(1_000, day2.Voided);
            Assert.Equal(-500, day2.Expected);
            var sql = await SqlTotalsAsync(db, kit.OfficeId, LedgerKit.Day2);
            Assert.Equal((sql.Collected, sql.Voided), (day2.Collected, day2.Voided));
            var preview = await LedgerKit.Print(db, kit.Clock).DayAsync(kit.OfficeId, LedgerKit.Day2, 0);
            Assert.False(preview.IsClosedOriginal);
            var text = PdfTools.Squeeze(await PdfTools.TextAsync(preview.Pdf));
            Assert.Contains("還付\n（調整）", text);
            Assert.Contains(charged.Number, text);
            Assert.Contains("令和8年11月24日", text);
            Assert.Contains("未締め（仮）", text);

            // Day 1 is as it was closed: the reprint is the stored original, and reading it again gives the same bytes.
            var reprint = await LedgerKit.Print(db, kit.Clock).DayAsync(kit.OfficeId, LedgerKit.Day1);
            Assert.True(reprint.IsClosedOriginal);
            Assert.True(reprint.Pdf.Span.SequenceEqual(stored));
            Assert.Equal(closed.Sha256, reprint.Sha256);
            var again = await new LedgerReader(db).DayAsync(kit.OfficeId, LedgerKit.Day1, 1_500, new Web.Documents.Ledger.LedgerClosing("係長 二郎", closed.ClosedAt));
            var regenerated = PdfTools.Renderer.Render(new Web.Documents.Ledger.DailyLedgerDocument(again, closed.ClosedAt));
            Assert.Equal(closed.Sha256, regenerated.Sha256);
        }

        // The refund cannot be recorded twice, nor on the closed day.
        await using (var db = kit.NewContext())
        {
            var twice = await LedgerKit.Adjust(db, kit.Clock).HandleAsync(
                new RecordLedgerAdjustment(kit.OfficeId, charged.Number, PaymentVoidKind.Refund, "再度", "clerk", "supervisor"));
            Assert.Contains(twice.Decision.BrokenRules, b => b.Field == "receiptNumber");
            var selfApproved = await LedgerKit.Adjust(db, kit.Clock).HandleAsync(
                new RecordLedgerAdjustment(kit.OfficeId, "001-2026-000002", PaymentVoidKind.Void, " ", "supervisor", "supervisor"));
            Assert.Equal(["approvedBy", "reason"], selfApproved.Decision.BrokenRules.Select(b => b.Field).Order());
        }

        // Close day 2 (negative expected cash: more refunded than taken), then the month.
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day2, 17, 0);
        Assert.True((await kit.CloseAsync(LedgerKit.Day2, 0)).Decision.IsAllowed);
        await using (var db = kit.NewContext())
        {
            var month = await new LedgerReader(db).MonthAsync(kit.OfficeId, 2026, 11);
            Assert.Equal([LedgerKit.Day1, LedgerKit.Day2], month.Days.Select(d => d.Day));
            Assert.Equal(2_000, month.Collected);
            Assert.Equal(1_000, month.Voided);
            Assert.All(month.Days, d => Assert.True(d.Closed));
            Assert.Equal(500, month.Days[1].Difference);
            var pdf = await LedgerKit.Print(db, kit.Clock).MonthAsync(kit.OfficeId, 2026, 11);
            Assert.Contains("月計 3件 500 1,000 500 △1,000 1,000 500", PdfTools.Squeeze(await PdfTools.TextAsync(pdf)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-FE-04")]
    public async Task Payment_WhenTheDayIsClosed_TheReceiptBookIsRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var kit = await LedgerKit.CreateAsync(provider, postgres);
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 16, 45);
        Assert.True((await kit.CloseAsync(LedgerKit.Day1, 0)).Decision.IsAllowed);
        kit.Clock.Now = LedgerKit.At(LedgerKit.Day1, 16, 50);

        await using var db = kit.NewContext();
        var book = new Web.Data.Receipts.ReceiptBook(db, kit.Clock);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => book.IssueAsync(new Web.Data.Receipts.ReceiptRequest(kit.OfficeId, [Issuance], "clerk")));

        Assert.True(ClosedDayRefusal.Is(error), error.ToString());
        await using var check = kit.NewContext();
        Assert.Equal(0, await check.Receipts.CountAsync());
    }

    private static async Task<(int Collected, int Voided)> SqlTotalsAsync(CounterDbContext db, int officeId, DateOnly day)
    {
        var collected = await db.Database.SqlQuery<int>(
            $"SELECT CAST(COALESCE(SUM(total), 0) AS INTEGER) AS \"Value\" FROM receipts WHERE office_id = {officeId} AND ledger_day = {day}").SingleAsync();
        var voided = await db.Database.SqlQuery<int>(
            $"SELECT CAST(COALESCE(SUM(r.total), 0) AS INTEGER) AS \"Value\" FROM receipt_voids v JOIN receipts r ON r.id = v.receipt_id WHERE r.office_id = {officeId} AND v.ledger_day = {day}").SingleAsync();
        return (collected, voided);
    }
}

using CounterApp.Domain.Fees;
using CounterApp.Web.Documents.Ledger;

namespace CounterApp.Web.Tests.Documents;

/// <summary>Ledger data for document tests: receipts across a day at 上市町's counter 2.</summary>
internal static class LedgerSamples
{
    public static readonly LedgerOffice Office = new("上市町", "上市町役場 町民課", "001");
    public static readonly DateOnly Day = new(2026, 11, 24);

    public static DateTimeOffset At(int hour, int minute, DateOnly? day = null) =>
        new((day ?? Day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(9));

    /// <summary><paramref name="count"/> receipts: issuance, renewal, and every fifth with a new card; alternating clerks.</summary>
    public static List<LedgerReceipt> Receipts(int count) =>
        Enumerable.Range(1, count).Select(i =>
        {
            List<FeeLine> lines = [new(i % 2 == 0 ? FeeItem.CertificateRenewal : FeeItem.CertificateIssuance, 500)];
            if (i % 5 == 0)
            {
                lines.Add(new FeeLine(FeeItem.ResidentCard, 500));
            }

            return new LedgerReceipt(At(8, 30).AddMinutes(i * 2), "2番", i % 3 == 0 ? "係長 二郎" : "窓口 一郎", $"001-2026-{i:D6}", lines, lines.Sum(l => l.Amount));
        }).ToList();

    public static DailyLedger Closed(int receipts, int cash, params LedgerVoid[] voids) =>
        new(Office, Day, Receipts(receipts), voids, cash, new LedgerClosing("係長 二郎", At(17, 5)));
}

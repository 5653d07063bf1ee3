using System.Diagnostics;
using System.Globalization;
using CounterApp.Domain.Fees;
using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Fonts;
using CounterApp.Web.Documents.Ledger;

namespace CounterApp.Benchmarks.Ledger;

/// <summary>
/// One measured ledger in this process: builds N receipts (a realistic mix of procedures and clerks, some voided),
/// renders a one-page ledger to warm up, then the 手数料日計表 once, timed, and prints "pages milliseconds peak-kB" (peak resident memory from /proc).
/// </summary>
internal static class LedgerChild
{
    public static int Run(int receipts)
    {
        var renderer = new DocumentRenderer(DocumentFonts.Load(new DocumentOptions()));
        var day = new DateOnly(2026, 11, 24);
        var start = new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.FromHours(9));
        var list = new List<LedgerReceipt>(receipts);
        for (var i = 1; i <= receipts; i++)
        {
            IReadOnlyList<FeeLine> lines = (i % 5) switch
            {
                0 => [new FeeLine(FeeItem.CertificateIssuance, 500), new FeeLine(FeeItem.ResidentCard, 500)],
                1 or 3 => [new FeeLine(FeeItem.CertificateRenewal, 500)],
                _ => [new FeeLine(FeeItem.CertificateIssuance, 500)],
            };
            list.Add(new LedgerReceipt(
                start.AddSeconds(i * 0.7), $"{(i % 3) + 1}番", i % 4 == 0 ? "係長 二郎" : "窓口 一郎", $"001-2026-{i:D6}", lines, lines.Sum(l => l.Amount),
                i % 97 == 0 ? PaymentVoidKind.Void : null));
        }

        var ledger = new DailyLedger(
            new LedgerOffice("上市町", "上市町役場 町民課", "001"), day, list, [], list.Sum(r => r.Total), new LedgerClosing("係長 二郎", start.AddHours(9)));
        // Warm-up on a one-page ledger, so both sizes are timed with the code already compiled (JIT, font subsetting paths).
        renderer.Render(new DailyLedgerDocument(new DailyLedger(ledger.Office, day, list.Take(10).ToList(), [], null, null), start));
        var clock = Stopwatch.StartNew();
        var pdf = renderer.Render(new DailyLedgerDocument(ledger, start.AddHours(9)));
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pdf.PageCount} {clock.Elapsed.TotalMilliseconds:0.###} {PeakKilobytes()}"));
        return 0;
    }

    private static long PeakKilobytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

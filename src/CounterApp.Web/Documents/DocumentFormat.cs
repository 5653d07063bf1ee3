using System.Globalization;
using CounterApp.Domain.Applications;
using CounterApp.Domain.Eras;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Time;

namespace CounterApp.Web.Documents;

/// <summary>How the documents write dates, money and the names of things (R-X-04: era dates, Gregorian year beside).</summary>
public static class DocumentFormat
{
    private static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>令和8年(2026年)11月22日.</summary>
    public static string Date(DateOnly date) => JapaneseEraDate.Format(date, withGregorianYear: true);

    /// <summary>令和8年11月22日, where space is short.</summary>
    public static string ShortDate(DateOnly date) => JapaneseEraDate.Format(date);

    /// <summary>令和8年(2026年)11月22日（日）.</summary>
    public static string DateWithWeekday(DateOnly date) => $"{Date(date)}（{Weekdays[(int)date.DayOfWeek]}）";

    /// <summary>2026年11月22日.</summary>
    public static string Gregorian(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>An instant as Tokyo wall-clock time: 令和8年(2026年)11月22日 16:05.</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var tokyo = TokyoClock.ToTokyo(instant);
        return Date(DateOnly.FromDateTime(tokyo)) + tokyo.ToString(" H:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>16:05, Tokyo time.</summary>
    public static string Time(DateTimeOffset instant) =>
        TokyoClock.ToTokyo(instant).ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary>1,500 — negative amounts with △, as Japanese ledgers write them.</summary>
    public static string Amount(int yen) =>
        yen < 0
            ? "△" + (-(long)yen).ToString("#,0", CultureInfo.InvariantCulture)
            : yen.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>1,500円.</summary>
    public static string Yen(int yen) => Amount(yen) + "円";

    public static string ProcedureName(Procedure procedure) => procedure switch
    {
        Procedure.NewIssuance => "電子証明書の新規発行",
        Procedure.Renewal => "電子証明書の更新",
        Procedure.RevocationRequest => "電子証明書の失効申請",
        Procedure.CompromiseNotice => "秘密鍵の漏えい等の届出",
        Procedure.Unlock => "パスワードロックの解除",
        Procedure.PasswordChange => "パスワードの変更",
        Procedure.CardPinReset => "暗証番号の再設定",
        _ => throw new ArgumentOutOfRangeException(nameof(procedure), procedure, null),
    };

    public static string FeeItemName(FeeItem item) => item switch
    {
        FeeItem.CertificateIssuance => "電子証明書発行手数料",
        FeeItem.CertificateRenewal => "電子証明書更新手数料",
        FeeItem.ResidentCard => "住民基本台帳カード交付手数料",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    /// <summary>The short name in ledger columns.</summary>
    public static string FeeItemShortName(FeeItem item) => item switch
    {
        FeeItem.CertificateIssuance => "証明書発行",
        FeeItem.CertificateRenewal => "証明書更新",
        FeeItem.ResidentCard => "カード交付",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    public static string VoidKindName(PaymentVoidKind kind) => kind switch
    {
        PaymentVoidKind.Void => "取消",
        PaymentVoidKind.Refund => "還付",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string SexName(Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, null),
    };

    public static string ApplicantName(ApplicantKind applicant) => applicant == ApplicantKind.Proxy ? "代理人" : "本人";

    /// <summary>■ for a ticked box, □ for an empty one (characters, so the text layer says which).</summary>
    public static string Tick(bool ticked) => ticked ? "■" : "□";
}

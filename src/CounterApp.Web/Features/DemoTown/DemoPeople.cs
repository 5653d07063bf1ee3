using System.Security.Cryptography;
using System.Text;
using CounterApp.Domain.Residents;

namespace CounterApp.Web.Features.DemoTown;

/// <summary>
/// The demo town's residents (fictional), each chosen to exercise a rule. Dates are relative to the day the demo
/// is first seeded, so "under 15", "card expiring soon" and "in the renewal window" stay true for a while.
/// </summary>
internal static class DemoPeople
{
    public const string MunicipalityCode = "163228";
    public const string Address = "富山県中新川郡上市町稗田1番地";

    /// <summary>
    /// The chip serial of a demo card (R-CA-04), derived from its card number: stable across restarts, 16 upper-case
    /// hex characters. The simulated reader's virtual card for that number carries the same serial
    /// (<c>SimulatedCards.SerialFor</c>), so the register and the card in the reader agree.
    /// </summary>
    public static string ChipSerialFor(string cardNumber)
    {
        ArgumentException.ThrowIfNullOrEmpty(cardNumber);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("counterapp-simulated-card:" + cardNumber));
        return Convert.ToHexString(hash, 0, 8);
    }

    /// <summary>One resident with their card and, optionally, a certificate.</summary>
    public sealed record Person(
        string Code, string Family, string Given, string FamilyKana, string GivenKana, DateOnly Birth, Sex Sex,
        RegisterStatus Status, bool AdultWard, string CardNumber, bool CardPhoto, DateOnly CardExpiry,
        DemoCertificate? Certificate, string Exercises);

    /// <summary>A certificate already on the card.</summary>
    public sealed record DemoCertificate(string Serial, DateOnly IssuedOn, DateOnly ExpiresOn, bool Locked);

    public static IReadOnlyList<Person> All(DateOnly today) =>
    [
        new("16322800001", "上市", "太郎", "カミイチ", "タロウ", new(1980, 4, 2), Sex.Male, RegisterStatus.Registered, false,
            "K0001", true, today.AddYears(5), null, "写真付きカード：即日発行 (R-VI-01)"),
        new("16322800002", "剱", "花子", "ツルギ", "ハナコ", new(1975, 8, 20), Sex.Female, RegisterStatus.Registered, false,
            "K0002", false, today.AddYears(4), null, "写真なしカード：本人確認書類により即日、なければ照会書 (R-VI-01/02)"),
        new("16322800003", "立山", "健", "タテヤマ", "ケン", today.AddYears(-14), Sex.Male, RegisterStatus.Registered, false,
            "K0003", true, today.AddYears(4), null, "15歳未満：特別な手続き (R-EL-03)"),
        new("16322800004", "大岩", "明", "オオイワ", "アキラ", new(1968, 11, 3), Sex.Male, RegisterStatus.MovedOut, false,
            "K0004", true, today.AddYears(2), null, "転出済み (R-EL-01)"),
        new("16322800005", "白萩", "さくら", "シラハギ", "サクラ", new(1990, 3, 31), Sex.Female, RegisterStatus.Registered, true,
            "K0005", true, today.AddYears(3), null, "成年被後見人：特別な手続き (R-EL-03)"),
        new("16322800006", "中山", "次郎", "ナカヤマ", "ジロウ", new(1959, 6, 30), Sex.Male, RegisterStatus.Registered, false,
            "K0006", false, today.AddDays(20), null, "カードの有効期限が近い (R-CE-03 の上限)"),
        new("16322800007", "弓庄", "恵子", "ユミノショウ", "ケイコ", new(1972, 1, 31), Sex.Female, RegisterStatus.Registered, false,
            "K0007", true, today.AddYears(6), new("3A0F1C55D2E4B6A8", today.AddYears(-3).AddMonths(1), today.AddMonths(1), false), "更新期間内の電子証明書 (R-CE-04)"),
        new("16322800008", "森尻", "誠", "モリジリ", "マコト", new(1985, 9, 9), Sex.Male, RegisterStatus.Registered, false,
            "K0008", true, today.AddYears(6), new("5B71E0A9C3D2F418", today.AddYears(-1), today.AddYears(2), true), "パスワードロック中の電子証明書 (R-CA-01)"),
    ];
}

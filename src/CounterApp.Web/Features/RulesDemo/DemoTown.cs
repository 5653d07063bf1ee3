using CounterApp.Domain.Certificates;
using CounterApp.Domain.Offices;
using CounterApp.Domain.Residents;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>
/// The demo town (上市町, Toyama) for the embedded default: one office and residents chosen so that every
/// outcome of the rules can be seen: same day, two visits, special procedure, moved out, expired card, renewal.
/// Fictional people; the register itself arrives with the persistence work.
/// </summary>
public sealed class DemoTown
{
    public const string MunicipalityCode = "163228";

    public Office Office { get; } = new("001", "上市町役場 町民課", MunicipalityCode, "上市町");

    public IReadOnlyList<DemoResident> Residents { get; } =
    [
        Person("16322800001", "上市", "太郎", "カミイチ", "タロウ", new(1980, 4, 2), Sex.Male, RegisterStatus.Registered,
            Card("K0001", "16322800001", hasPhoto: true, new(2030, 3, 31)),
            new Certificate("3A0F1C55D2E4B6A8", "K0001", new(2024, 1, 15), new(2027, 1, 15), CertificateStatus.Active)),
        Person("16322800002", "剱", "花子", "ツルギ", "ハナコ", new(1975, 8, 20), Sex.Female, RegisterStatus.Registered,
            Card("K0002", "16322800002", hasPhoto: false, new(2029, 8, 20))),
        Person("16322800003", "立山", "健", "タテヤマ", "ケン", new(2012, 2, 29), Sex.Male, RegisterStatus.Registered,
            Card("K0003", "16322800003", hasPhoto: true, new(2031, 2, 28))),
        Person("16322800004", "大岩", "明", "オオイワ", "アキラ", new(1968, 11, 3), Sex.Male, RegisterStatus.MovedOut,
            Card("K0004", "16322800004", hasPhoto: true, new(2028, 11, 3))),
        Person("16322800005", "白萩", "さくら", "シラハギ", "サクラ", new(1990, 3, 31), Sex.Female, RegisterStatus.Registered,
            Card("K0005", "16322800005", hasPhoto: true, new(2029, 3, 31)), adultWard: true),
        Person("16322800006", "中山", "次郎", "ナカヤマ", "ジロウ", new(1959, 6, 30), Sex.Male, RegisterStatus.Registered,
            Card("K0006", "16322800006", hasPhoto: false, new(2026, 6, 30))),
    ];

    public DemoResident? Find(string residentCode) => Residents.FirstOrDefault(r => r.Resident.ResidentCode == residentCode);

    private static ResidentCard Card(string number, string residentCode, bool hasPhoto, DateOnly expiry) =>
        new(number, residentCode, MunicipalityCode, hasPhoto, expiry, CardStatus.Active);

    private static DemoResident Person(
        string code, string family, string given, string familyKana, string givenKana, DateOnly birth, Sex sex,
        RegisterStatus status, ResidentCard card, Certificate? certificate = null, bool adultWard = false) =>
        new(
            new Resident(code, MunicipalityCode, status, family, given, familyKana, givenKana, birth, sex, "富山県中新川郡上市町稗田1番地", null, adultWard),
            card,
            certificate);
}

/// <summary>A demo resident with their card and current certificate.</summary>
public sealed record DemoResident(Resident Resident, ResidentCard Card, Certificate? Certificate);

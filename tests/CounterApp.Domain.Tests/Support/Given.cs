using CounterApp.Domain.Applications;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Eligibility;
using CounterApp.Domain.Letters;
using CounterApp.Domain.Offices;
using CounterApp.Domain.Proxies;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Visits;

namespace CounterApp.Domain.Tests.Support;

/// <summary>
/// Test data: a demo resident registered in 上市町 (163228) with a photo resident card, the town's counter, and the
/// documents and visits around them. Everything is a record with valid defaults, so a test states only what it
/// breaks: <c>Given.Resident with { RegisterStatus = RegisterStatus.MovedOut }</c>.
/// </summary>
internal static class Given
{
    /// <summary>上市町's local government code (全国地方公共団体コード).</summary>
    public const string Kamiichi = "163228";

    /// <summary>仙台市 (a designated city with ward offices, R-EL-05).</summary>
    public const string Sendai = "041009";

    /// <summary>Another municipality (富山市).</summary>
    public const string Toyama = "162019";

    /// <summary>A Tuesday: an ordinary counter day.</summary>
    public static DateOnly Today { get; } = new(2026, 11, 24);

    /// <summary>10:00 Tokyo wall-clock on <see cref="Today"/>.</summary>
    public static DateTime Now { get; } = Today.ToDateTime(new TimeOnly(10, 0));

    public static Guid ApplicationId { get; } = new("7d1c3f4e-2a9b-4c5d-8e6f-0a1b2c3d4e5f");

    public static IdentityDocumentCatalog Catalog => IdentityDocumentCatalog.Default;

    /// <summary>An adult registered in 上市町, not an adult ward, no ward (the town has no ward offices).</summary>
    public static Resident Resident { get; } = new(
        ResidentCode: "12345678901",
        MunicipalityCode: Kamiichi,
        RegisterStatus: RegisterStatus.Registered,
        FamilyName: "上市",
        GivenName: "花子",
        FamilyNameKana: "カミイチ",
        GivenNameKana: "ハナコ",
        BirthDate: new DateOnly(1985, 6, 15),
        Sex: Sex.Female,
        Address: "富山県中新川郡上市町稗田10番地",
        Ward: null,
        IsAdultWard: false);

    /// <summary>The resident's photo card, issued by 上市町, active, expiring well after <see cref="Today"/>.</summary>
    public static ResidentCard PhotoCard { get; } = new(
        CardNumber: "KM-2024-000123",
        ResidentCode: Resident.ResidentCode,
        IssuingMunicipalityCode: Kamiichi,
        HasPhoto: true,
        ExpiryDate: new DateOnly(2034, 3, 31),
        Status: CardStatus.Active);

    public static ResidentCard NonPhotoCard { get; } = PhotoCard with { HasPhoto = false };

    /// <summary>町民課 住基戸籍班 2番窓口.</summary>
    public static Office Office { get; } = new("163228-01", "上市町役場 町民課", Kamiichi, "上市町");

    /// <summary>仙台市青葉区役所: accepts only residents registered in 青葉区.</summary>
    public static Office AobaWardOffice { get; } = new("041009-01", "青葉区役所", Sendai, "仙台市", "青葉区");

    /// <summary>A resident of 仙台市青葉区 with a card issued by 仙台市.</summary>
    public static Resident SendaiResident { get; } = Resident with
    {
        ResidentCode = "98765432109",
        MunicipalityCode = Sendai,
        Address = "宮城県仙台市青葉区本町三丁目8番1号",
        Ward = "青葉区",
    };

    public static ResidentCard SendaiCard { get; } = PhotoCard with
    {
        CardNumber = "SD-2024-000456",
        ResidentCode = SendaiResident.ResidentCode,
        IssuingMunicipalityCode = Sendai,
    };

    /// <summary>A new issuance by the demo resident with their photo card at the town's counter, now.</summary>
    public static EligibilityRequest Eligibility { get; } = new(Procedure.NewIssuance, Resident, PhotoCard, Office, Now);

    /// <summary>The resident's driver's licence: accepted, address updated, valid until 2029.</summary>
    public static PresentedIdentityDocument DriverLicence { get; } = new(
        TypeCode: "driver-licence",
        Holder: DocumentHolder.Resident,
        IssuedOn: new DateOnly(2024, 6, 10),
        ExpiresOn: new DateOnly(2029, 7, 15),
        AddressMatchesRegister: true);

    /// <summary>The resident's passport (no address on it to compare).</summary>
    public static PresentedIdentityDocument Passport { get; } = new("passport", DocumentHolder.Resident, new DateOnly(2022, 1, 20), new DateOnly(2032, 1, 20), true);

    /// <summary>The proxy's own driver's licence: accepted and in force.</summary>
    public static PresentedIdentityDocument ProxyDriverLicence { get; } = DriverLicence with { Holder = DocumentHolder.Proxy };

    /// <summary>A first visit in person with the photo card and nothing else.</summary>
    public static FirstVisit FirstVisit { get; } = new(ApplicantKind.InPerson, PhotoCard, [], Today);

    /// <summary>委任状 signed and sealed by the resident.</summary>
    public static PowerOfAttorney PowerOfAttorney { get; } = new(SignedByResident: true, SealedByResident: true);

    /// <summary>印鑑登録証明書 issued a month ago, its seal matching the one on the 委任状.</summary>
    public static SealCertificate SealCertificate { get; } = new(Today.AddMonths(-1), MatchesPowerOfAttorneySeal: true);

    public static InquiryReference Reference { get; } = InquiryReference.FromBody(16322800001);

    /// <summary>The inquiry letter for <see cref="ApplicationId"/>, prepared and mailed on <paramref name="mailedOn"/> (default: 10 days ago).</summary>
    public static InquiryLetter MailedLetter(DateOnly? mailedOn = null, int validDays = 30, Resident? to = null)
    {
        var day = mailedOn ?? Today.AddDays(-10);
        var letter = InquiryLetter.Prepare(Reference, ApplicationId, to ?? Resident, day, validDays);
        letter.MarkMailed(day);
        return letter;
    }

    /// <summary>A complete proxy second visit (R-PX-02) with a usable letter; <c>with</c> away what the test leaves out.</summary>
    public static SecondVisit ProxySecondVisit(InquiryLetter? letter = null) => new(
        Applicant: ApplicantKind.Proxy,
        ApplicationId: ApplicationId,
        Letter: letter ?? MailedLetter(),
        AnswerSheet: true,
        ResidentCard: true,
        PowerOfAttorney: PowerOfAttorney,
        SealCertificate: SealCertificate,
        Documents: [ProxyDriverLicence],
        Today: Today);

    /// <summary>A complete in-person second visit (R-VI-02): the answer sheet and the card, nothing else.</summary>
    public static SecondVisit InPersonSecondVisit(InquiryLetter? letter = null) => new(
        Applicant: ApplicantKind.InPerson,
        ApplicationId: ApplicationId,
        Letter: letter ?? MailedLetter(),
        AnswerSheet: true,
        ResidentCard: true,
        PowerOfAttorney: null,
        SealCertificate: null,
        Documents: [],
        Today: Today);
}

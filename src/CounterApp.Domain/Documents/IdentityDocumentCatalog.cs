namespace CounterApp.Domain.Documents;

/// <summary>The accepted photo identity documents (R-ID-01), looked up by code.</summary>
public sealed class IdentityDocumentCatalog
{
    public const string ResidentCardWithPhoto = "resident-card-photo";

    private readonly Dictionary<string, IdentityDocumentType> _byCode;

    public IdentityDocumentCatalog(IEnumerable<IdentityDocumentType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _byCode = types.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<IdentityDocumentType> Types => _byCode.Values;

    public IdentityDocumentType? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>R-ID-03: whether this kind of document carries an expiry date, by the legal list (false for an unknown code).</summary>
    public static bool KindHasExpiry(string code) => Default.Find(code)?.HasExpiry ?? false;

    /// <summary>
    /// The legal list in SPEC.md R-ID-01 (the seed for the reference data). <see cref="IdentityDocumentType.HasExpiry"/> marks
    /// the kinds that by law always carry an expiry date (passport, driver's licence, seaman's book, 海技免状, 小型船舶操縦免許証,
    /// firearm permit, 宅地建物取引主任者証, resident card): a fact of the document, not an administrator's choice.
    /// </summary>
    public static IdentityDocumentCatalog Default { get; } = new(
    [
        new("passport", "旅券（パスポート）", "Passport", HasExpiry: true),
        new("driver-licence", "運転免許証", "Driver's licence", HasExpiry: true),
        new("driving-record", "運転経歴証明書（平成24年4月1日以後交付）", "Certificate of driving record (issued on or after 2012-04-01)", new DateOnly(2012, 4, 1)),
        new("seaman-book", "船員手帳", "Seaman's book", HasExpiry: true),
        new("marine-officer", "海技免状", "Marine officer's licence", HasExpiry: true),
        new("small-boat", "小型船舶操縦免許証", "Small vessel operator's licence", HasExpiry: true),
        new("firearm-permit", "猟銃・空気銃所持許可証", "Hunting gun / air gun possession permit", HasExpiry: true),
        new("disability", "身体障害者手帳", "Physical disability certificate"),
        new("war-invalid", "戦傷病者手帳", "War invalid's certificate"),
        new("real-estate", "宅地建物取引主任者証", "Real estate transaction manager's certificate", HasExpiry: true),
        new("electrician", "電気工事士免状", "Electrician's licence"),
        new("radio-operator", "無線従事者免許証", "Radio operator's licence"),
        new("certified-electrician", "認定電気工事従事者認定証", "Certified electrical worker's certificate"),
        new("special-electrician", "特種電気工事資格者認定証", "Special electrical work qualification certificate"),
        new("airworthiness-inspector", "耐空検査員の証", "Airworthiness inspector's certificate"),
        new("aviation", "航空従事者技能証明書", "Aviation personnel competence certificate"),
        new("operations-manager", "運行管理者技能検定合格証明書", "Operations manager qualification certificate"),
        new("train-driver", "動力車操縦者運転免許証", "Train driver's licence"),
        new("instructor", "教習資格認定証", "Driving instructor qualification certificate"),
        new("examiner", "検定合格証", "Examination pass certificate"),
        new(ResidentCardWithPhoto, "住民基本台帳カード（顔写真付き）", "Resident card with photo", HasExpiry: true),
        new("staff-id", "官公署がその職員に発行した顔写真付きの身分証明書", "Photo staff ID issued by a public office to its own staff"),
    ]);
}

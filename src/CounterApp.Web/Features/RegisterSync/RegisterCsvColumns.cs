namespace CounterApp.Web.Features.RegisterSync;

/// <summary>A column of the register export: its Japanese header, the English header also accepted, and whether the header must be present.</summary>
internal sealed record RegisterCsvColumn(string Name, string Alias, bool Required);

/// <summary>The columns of the register's CSV export (see README.md). Headers name the columns; the order is free.</summary>
internal static class RegisterCsvColumns
{
    public static readonly RegisterCsvColumn ResidentCode = new("住民票コード", "resident_code", true);
    public static readonly RegisterCsvColumn FamilyName = new("氏", "family_name", true);
    public static readonly RegisterCsvColumn GivenName = new("名", "given_name", true);
    public static readonly RegisterCsvColumn FamilyNameKana = new("氏カナ", "family_name_kana", true);
    public static readonly RegisterCsvColumn GivenNameKana = new("名カナ", "given_name_kana", true);
    public static readonly RegisterCsvColumn BirthDate = new("生年月日", "birth_date", true);
    public static readonly RegisterCsvColumn Sex = new("性別", "sex", true);
    public static readonly RegisterCsvColumn Address = new("住所", "address", true);
    public static readonly RegisterCsvColumn Ward = new("区", "ward", false);
    public static readonly RegisterCsvColumn Status = new("状態", "status", true);
    public static readonly RegisterCsvColumn CardNumber = new("カード番号", "card_number", true);
    public static readonly RegisterCsvColumn CardHasPhoto = new("カード写真", "card_photo", true);
    public static readonly RegisterCsvColumn CardExpiry = new("カード有効期限", "card_expiry", true);
    public static readonly RegisterCsvColumn CardChipSerial = new("カードICチップ番号", "card_chip_serial", true);
    public static readonly RegisterCsvColumn AdultWard = new("成年被後見人", "adult_ward", false);

    public static IReadOnlyList<RegisterCsvColumn> All { get; } =
    [
        ResidentCode, FamilyName, GivenName, FamilyNameKana, GivenNameKana, BirthDate, Sex, Address, Ward, Status,
        CardNumber, CardHasPhoto, CardExpiry, CardChipSerial, AdultWard,
    ];

    public static RegisterCsvColumn? Find(string header) =>
        All.FirstOrDefault(c => c.Name.Equals(header, StringComparison.Ordinal) || c.Alias.Equals(header, StringComparison.OrdinalIgnoreCase));
}

using System.Globalization;
using System.Text;
using CounterApp.Domain.Residents;
using CounterApp.Web.Applications;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CertificateAuthority;

namespace CounterApp.Benchmarks.ResidentSearch;

/// <summary>
/// A town of generated residents with realistic names: common family and given names in kanji with their katakana
/// reading, the reading stored full-width (most), half-width (as old register exports write it) or in hiragana. Each has a
/// card (C0000001…) and a third a certificate. Saved through <see cref="CounterDbContext"/>, so the search key is the one
/// the app maintains.
/// </summary>
internal static class ResidentPopulation
{
    public static readonly (string Kanji, string Kana)[] FamilyNames =
    [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"),
        ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"),
        ("松本", "マツモト"), ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"), ("山崎", "ヤマザキ"),
        ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"),
        ("石井", "イシイ"), ("小川", "オガワ"), ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"),
        ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"), ("斉藤", "サイトウ"), ("福田", "フクダ"),
        ("太田", "オオタ"), ("西村", "ニシムラ"), ("藤井", "フジイ"), ("金子", "カネコ"), ("岡本", "オカモト"), ("藤原", "フジワラ"), ("中野", "ナカノ"),
        ("三浦", "ミウラ"), ("原田", "ハラダ"), ("中川", "ナカガワ"), ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"), ("田村", "タムラ"),
        ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"), ("上田", "ウエダ"), ("原", "ハラ"), ("内田", "ウチダ"),
        ("柴田", "シバタ"), ("酒井", "サカイ"), ("宮崎", "ミヤザキ"), ("横山", "ヨコヤマ"), ("高木", "タカギ"), ("安藤", "アンドウ"), ("宮本", "ミヤモト"),
        ("大野", "オオノ"), ("小島", "コジマ"), ("工藤", "クドウ"), ("谷口", "タニグチ"), ("今井", "イマイ"), ("高田", "タカダ"), ("丸山", "マルヤマ"),
        ("増田", "マスダ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"), ("大塚", "オオツカ"), ("小山", "コヤマ"), ("平野", "ヒラノ"), ("藤本", "フジモト"),
        ("上市", "カミイチ"), ("剱", "ツルギ"), ("立山", "タテヤマ"), ("弓庄", "ユミノショウ"), ("森尻", "モリジリ"), ("稗田", "ヒエダ"), ("白萩", "シラハギ"),
    ];

    public static readonly (string Kanji, string Kana, Sex Sex)[] GivenNames =
    [
        ("太郎", "タロウ", Sex.Male), ("次郎", "ジロウ", Sex.Male), ("健", "ケン", Sex.Male), ("誠", "マコト", Sex.Male), ("翔太", "ショウタ", Sex.Male),
        ("大輔", "ダイスケ", Sex.Male), ("拓也", "タクヤ", Sex.Male), ("直樹", "ナオキ", Sex.Male), ("和也", "カズヤ", Sex.Male), ("隆", "タカシ", Sex.Male),
        ("博", "ヒロシ", Sex.Male), ("茂", "シゲル", Sex.Male), ("清", "キヨシ", Sex.Male), ("蓮", "レン", Sex.Male), ("陽翔", "ハルト", Sex.Male),
        ("悠真", "ユウマ", Sex.Male), ("大和", "ヤマト", Sex.Male), ("湊", "ミナト", Sex.Male), ("修", "オサム", Sex.Male), ("明", "アキラ", Sex.Male),
        ("花子", "ハナコ", Sex.Female), ("恵子", "ケイコ", Sex.Female), ("幸子", "サチコ", Sex.Female), ("洋子", "ヨウコ", Sex.Female), ("陽子", "ヨウコ", Sex.Female),
        ("美香", "ミカ", Sex.Female), ("由美", "ユミ", Sex.Female), ("裕子", "ユウコ", Sex.Female), ("さくら", "サクラ", Sex.Female), ("愛", "アイ", Sex.Female),
        ("陽菜", "ヒナ", Sex.Female), ("結衣", "ユイ", Sex.Female), ("美咲", "ミサキ", Sex.Female), ("葵", "アオイ", Sex.Female), ("凛", "リン", Sex.Female),
        ("智子", "トモコ", Sex.Female), ("久美子", "クミコ", Sex.Female), ("真由美", "マユミ", Sex.Female), ("千尋", "チヒロ", Sex.Female), ("彩", "アヤ", Sex.Female),
    ];

    public static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>One generated resident, as kept for building queries.</summary>
    public sealed record Person(string Code, string Family, string Given, string FamilyKana, string GivenKana, DateOnly Birth, string Card);

    public static IReadOnlyList<Person> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var people = new List<Person>(count);
        var firstBirth = new DateOnly(1925, 1, 1).DayNumber;
        var lastBirth = new DateOnly(2024, 12, 31).DayNumber;
        for (var i = 0; i < count; i++)
        {
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var given = GivenNames[random.Next(GivenNames.Length)];
            var form = random.Next(10);
            people.Add(new Person(
                "9" + (i + 1).ToString("D10", CultureInfo.InvariantCulture),
                family.Kanji,
                given.Kanji,
                KanaForm(family.Kana, form),
                KanaForm(given.Kana, form),
                DateOnly.FromDayNumber(random.Next(firstBirth, lastBirth + 1)),
                "C" + (i + 1).ToString("D7", CultureInfo.InvariantCulture)));
        }

        return people;
    }

    /// <summary>Saves the people in batches through EF (search keys maintained on save), cards and a third with a certificate.</summary>
    public static void Save(DatabaseOptions options, IReadOnlyList<Person> people)
    {
        const int batch = 5_000;
        for (var start = 0; start < people.Count; start += batch)
        {
            using var db = Context(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var records = people.Skip(start).Take(batch).Select(p => new ResidentRecord
            {
                ResidentCode = p.Code,
                MunicipalityCode = "163228",
                RegisterStatus = p.Code.EndsWith('7') ? RegisterStatus.MovedOut : RegisterStatus.Registered,
                FamilyName = p.Family,
                GivenName = p.Given,
                FamilyNameKana = p.FamilyKana,
                GivenNameKana = p.GivenKana,
                BirthDate = p.Birth,
                Sex = GivenNames.First(g => g.Kanji == p.Given).Sex,
                Address = "富山県中新川郡上市町稗田1番地",
                UpdatedAt = DateTime.UtcNow,
                Cards = [new ResidentCardRecord { CardNumber = p.Card, ChipSerial = CounterApp.Web.Features.Readers.SimulatedCards.SerialFor(p.Card), IssuingMunicipalityCode = "163228", HasPhoto = true, ExpiryDate = Today.AddYears(3), Status = CardStatus.Active }],
            }).ToList();
            db.Residents.AddRange(records);
            db.ChangeTracker.DetectChanges();
            db.SaveChanges();

            var serial = start;
            // Status lives in the CA register (ca_certificates of the default CA): every fifth certificate is revoked there.
            var certificates = records.Where((_, i) => i % 3 == 0).Select(r => new CertificateRecord
            {
                Serial = (++serial).ToString("X16", CultureInfo.InvariantCulture),
                ResidentId = r.Id,
                CardId = r.Cards[0].Id,
                IssuedOn = Today.AddYears(-1),
                ExpiresOn = Today.AddYears(2),
            }).ToList();
            db.Certificates.AddRange(certificates);
            db.CaCertificates.AddRange(certificates.Select(c =>
            {
                var row = LegacyCertificates.Record(new PkiOptions().AuthorityId, c.Serial, c.IssuedOn, c.ExpiresOn);
                if (long.Parse(c.Serial, NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 5 == 0)
                {
                    row.RevokedAt = DateTime.UtcNow;
                    row.RevocationReason = Domain.Revocation.RevocationReason.Unspecified;
                }

                return row;
            }));
            db.ChangeTracker.DetectChanges();
            db.SaveChanges();
        }
    }

    public static CounterDbContext Context(DatabaseOptions options)
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CounterDbContext>();
        DatabaseExtensions.Configure(builder, options);
        return new CounterDbContext(builder.Options);
    }

    /// <summary>Katakana as stored in 7 of 10 records, half-width katakana in 2, hiragana in 1.</summary>
    public static string KanaForm(string katakana, int form) => form switch
    {
        < 7 => katakana,
        < 9 => HalfWidth(katakana),
        _ => Hiragana(katakana),
    };

    public static string Hiragana(string katakana) =>
        string.Concat(katakana.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c));

    // Half-width katakana: NFKD splits the voiced marks off, which have half-width forms of their own.
    public static string HalfWidth(string katakana)
    {
        var text = new StringBuilder();
        foreach (var c in katakana.Normalize(NormalizationForm.FormD))
        {
            var index = FullKana.IndexOf(c, StringComparison.Ordinal);
            text.Append(index >= 0 ? HalfKana[index] : c);
        }

        return text.ToString();
    }

    private const string FullKana = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u3099\u309A";
    private const string HalfKana = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ";
}

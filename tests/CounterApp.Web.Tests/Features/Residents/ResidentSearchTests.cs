using CounterApp.Domain.Residents;
using CounterApp.Web.Data;
using CounterApp.Web.Features.Residents;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.Residents;

public sealed class ResidentSearchTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenResidentCode_FindsExactlyThatResidentWithCardAndCertificate(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        var result = await kit.SearchAsync("１６３２２８０００07");

        Assert.Null(result.Error);
        Assert.Equal(ResidentQueryKind.ResidentCode, result.Query!.Kind);
        var row = Assert.Single(result.Rows);
        Assert.False(result.HasMore);
        Assert.Equal(("弓庄", "恵子", "ユミノショウ", "ケイコ"), (row.FamilyName, row.GivenName, row.FamilyNameKana, row.GivenNameKana));
        Assert.Equal(new DateOnly(1972, 1, 31), row.BirthDate);
        Assert.Equal(RegisterStatus.Registered, row.RegisterStatus);
        Assert.Equal("K0007", row.CardNumber);
        Assert.Equal(ResidentKit.Today.AddYears(6), row.CardExpiryDate);
        Assert.True(row.HasActiveCertificate);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenCardNumber_FindsItsHolderWhateverTheCaseOrWidth(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        foreach (var input in new[] { "K0001", "k0001", "Ｋ０００１", " K0001 " })
        {
            var result = await kit.SearchAsync(input);
            Assert.Equal(ResidentQueryKind.CardNumber, result.Query!.Kind);
            var row = Assert.Single(result.Rows);
            Assert.Equal("16322800001", row.ResidentCode);
            Assert.Equal("K0001", row.CardNumber);
            Assert.False(row.HasActiveCertificate);
        }

        Assert.Empty((await kit.SearchAsync("K9999")).Rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenBirthDateInAnyForm_FindsResidentsBornThatDay(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        foreach (var input in new[] { "1980-04-02", "1980/4/2", "1980.04.02", "1980年4月2日", "昭和55年4月2日", "昭55.4.2", "S55.4.2", "s55/4/2", "１９８０－０４－０２", "昭和５５年４月２日" })
        {
            var result = await kit.SearchAsync(input);
            Assert.True(result.Error is null, $"{input}: {result.Error}");
            Assert.Equal(ResidentQueryKind.BirthDate, result.Query!.Kind);
            Assert.Equal(new DateOnly(1980, 4, 2), result.Query.BirthDate);
            Assert.Equal("16322800001", Assert.Single(result.Rows).ResidentCode);
        }

        // 元年: the first year of an era.
        foreach (var input in new[] { "令和元年5月1日", "R1.5.1", "令元.5.1", "2019-05-01" })
        {
            Assert.Equal("16322800102", Assert.Single((await kit.SearchAsync(input)).Rows).ResidentCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenKanaInAnyWidthOrScript_FindsTheSameResidents(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        // 上市 太郎 has full-width katakana カミイチ; 上市 花 was registered with half-width ｶﾐｲﾁ.
        foreach (var input in new[] { "ｶﾐｲﾁ", "カミイチ", "かみいち", "ｶﾐ ｲﾁ", "かみいち　" })
        {
            var result = await kit.SearchAsync(input);
            Assert.Equal(ResidentQueryKind.Name, result.Query!.Kind);
            Assert.Equal(["16322800001", "16322800101"], result.Rows.Select(r => r.ResidentCode).Order());
        }

        // And the other way round: hiragana stored, katakana or half-width typed.
        foreach (var input in new[] { "ハヤツキ", "ﾊﾔﾂｷ", "はやつき" })
        {
            Assert.Equal("16322800102", Assert.Single((await kit.SearchAsync(input)).Rows).ResidentCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenPartOfTheName_MatchesNameOrKanaButNotAcrossThem(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        Assert.Equal("16322800002", Assert.Single((await kit.SearchAsync("花子")).Rows).ResidentCode);
        Assert.Equal("16322800002", Assert.Single((await kit.SearchAsync("剱 花")).Rows).ResidentCode);
        Assert.Equal("16322800007", Assert.Single((await kit.SearchAsync("ノショウケ")).Rows).ResidentCode);
        // The end of the name and the start of the kana are never one match (剱花子|つるぎはなこ).
        Assert.Empty((await kit.SearchAsync("花子つるぎ")).Rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenMoreThanTheLimitMatch_ReturnsTheLimitInKanaOrderAndSaysMoreExist(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        var result = await kit.SearchAsync(ResidentKit.ManyFamilyName);

        Assert.Equal(ResidentSearch.Limit, result.Rows.Count);
        Assert.True(result.HasMore);
        Assert.Equal(Enumerable.Range(0, ResidentSearch.Limit).Select(i => $"{i:D2}"), result.Rows.Select(r => r.GivenNameKana));

        var exact = await kit.SearchAsync(ResidentKit.ManyFamilyName + "50子");
        Assert.False(exact.HasMore);
        Assert.Single(exact.Rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_WhenAnyKindOfQuery_SendsOneSqlCommandWhateverTheRows(DatabaseProvider provider)
    {
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);

        foreach (var input in new[] { ResidentKit.ManyFamilyName, "かみいち", "K0001", "16322800008", "1980-04-02" })
        {
            kit.Counter.Reset();
            var result = await kit.SearchAsync(input);
            Assert.NotEmpty(result.Rows);
            Assert.True(kit.Counter.Count == 1, $"{input}: {kit.Counter.Count} commands\n{string.Join("\n---\n", kit.Counter.Commands)}");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-03")]
    public async Task Search_WhenInputEmptyTooLongOrAnImpossibleDate_ExplainsNamingTheFieldAndQueriesNothing(DatabaseProvider provider)
    {
        using var culture = new JapaneseUiCulture();
        await using var kit = await ResidentKit.CreateAsync(provider, postgres);
        kit.Counter.Reset();

        foreach (var (input, expected) in new[]
        {
            ((string?)null, "検索語を入力してください"),
            ("   ", "検索語を入力してください"),
            ("・", "検索語を入力してください"),
            (new string('あ', ResidentQuery.MaxLength + 1), $"検索語は{ResidentQuery.MaxLength}文字以内"),
            ("2026-02-30", "存在しない日付"),
            ("平成31年5月1日", "存在しない日付"),
            ("S64.1.8", "存在しない日付"),
        })
        {
            var result = await kit.SearchAsync(input);
            Assert.Null(result.Query);
            Assert.Empty(result.Rows);
            Assert.Contains(expected, result.Error);
        }

        Assert.Equal(0, kit.Counter.Count);
    }
}

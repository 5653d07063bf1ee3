using CounterApp.Web.Data;
using CounterApp.Web.Features.AuditViewer;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;

namespace CounterApp.Web.Tests.Features.AuditViewer;

public sealed class AuditSearchTests(PostgresServer postgres)
{
    private const string Resident1 = "16322800001";
    private const string Resident2 = "16322800002";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Page_WhenFilteredByEachFieldAloneAndCombined_ReturnsExactlyTheMatchingEntriesNewestFirst(DatabaseProvider provider)
    {
        await using var kit = await AuditViewerKit.CreateAsync(provider, postgres);
        var e1 = await kit.AppendAsync(AuditViewerKit.At(2026, 11, 23, 23, 59), "clerk", "certificate.issued", Resident1);
        // 00:30 in Tokyo on the 24th is still the 23rd in UTC: the day filter is Tokyo's.
        var e2 = await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 0, 30), "supervisor", "fee.voided");
        var e3 = await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 8, 0), "clerk", "staff.signed-in");
        var e4 = await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 23, 30), "clerk", "fee.receipt-issued", Resident2);
        var e5 = await kit.AppendAsync(AuditViewerKit.At(2026, 11, 25, 8, 0), "clerk", "fee.receipt-issued", Resident1);
        await using var db = kit.NewContext();
        var search = new AuditSearch(db);
        async Task<long[]> Ids(AuditFilter filter) => [.. (await search.PageAsync(filter, 1)).Rows.Select(r => r.Id)];
        var day24 = new DateOnly(2026, 11, 24);

        Assert.Equal([e5, e4, e3, e2, e1], await Ids(AuditFilter.All));
        Assert.Equal([e5, e4, e3, e2], await Ids(new AuditFilter(From: day24)));
        Assert.Equal([e4, e3, e2, e1], await Ids(new AuditFilter(To: day24)));
        Assert.Equal([e4, e3, e2], await Ids(new AuditFilter(From: day24, To: day24)));
        Assert.Equal([e5, e1], await Ids(new AuditFilter(ResidentCode: Resident1)));
        Assert.Equal([e2], await Ids(new AuditFilter(Actor: "supervisor")));
        Assert.Equal([e5, e4, e2], await Ids(new AuditFilter(ActionPrefix: "fee.")));
        Assert.Equal([e3], await Ids(new AuditFilter(ActionPrefix: "staff.")));
        Assert.Equal([e5], await Ids(new AuditFilter(From: day24, ResidentCode: Resident1, ActionPrefix: "fee.")));
        Assert.Equal([e4], await Ids(new AuditFilter(From: day24, To: day24, Actor: "clerk", ActionPrefix: "fee.")));
        Assert.Empty(await Ids(new AuditFilter(Actor: "clerk", ActionPrefix: "fee.voided")));

        var row = (await search.PageAsync(new AuditFilter(Actor: "supervisor"), 1)).Rows[0];
        Assert.Equal(new DateTime(2026, 11, 24, 0, 30, 0), row.AtTokyo);
        Assert.Equal(("supervisor", "2", "fee.voided", "succeeded"), (row.Actor, row.Counter, row.Action, row.Outcome));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R-X-01")]
    public async Task Page_WhenMoreThanAPage_PagesNewestFirstAndSaysWhetherAnOlderPageExists(DatabaseProvider provider)
    {
        await using var kit = await AuditViewerKit.CreateAsync(provider, postgres);
        for (var i = 0; i < (2 * AuditSearch.PageSize) + 5; i++)
        {
            await kit.AppendAsync(AuditViewerKit.At(2026, 11, 24, 9, 0).AddSeconds(i), "clerk", "staff.signed-in");
        }

        await using var db = kit.NewContext();
        var search = new AuditSearch(db);
        var first = await search.PageAsync(AuditFilter.All, 1);
        var third = await search.PageAsync(AuditFilter.All, 3);
        var fourth = await search.PageAsync(AuditFilter.All, 4);
        var zero = await search.PageAsync(AuditFilter.All, 0);

        Assert.Equal(AuditSearch.PageSize, first.Rows.Count);
        Assert.True(first.HasNext);
        Assert.Equal(205, first.Rows[0].Id);
        Assert.Equal(106, first.Rows[^1].Id);
        Assert.Equal([5L, 4, 3, 2, 1], third.Rows.Select(r => r.Id));
        Assert.False(third.HasNext);
        Assert.Empty(fourth.Rows);
        Assert.Equal(1, zero.Number);
        Assert.Equal(205, zero.Rows[0].Id);
    }

    [Fact]
    [Trait("Rule", "R-X-03")]
    public void Parse_WhenFieldsAreBad_NamesEachFieldAndReadsFullWidthInput()
    {
        using var culture = new JapaneseUiCulture();
        var (_, errors) = AuditFilterInput.Parse("2026-11-25", "2026-11-24", "1632280000", null, "fee.*");
        Assert.Equal(["to", "resident", "action"], errors.Select(e => e.Field));
        Assert.Contains("期間（終了日）", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("住民票コードは11桁", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("手続・操作", errors[2].Message, StringComparison.Ordinal);

        var (_, dateErrors) = AuditFilterInput.Parse("昨日", null, null, null, null);
        Assert.Equal("from", Assert.Single(dateErrors).Field);
        Assert.Contains("期間（開始日）", dateErrors[0].Message, StringComparison.Ordinal);

        var (filter, none) = AuditFilterInput.Parse("２０２６/１１/２４", " ", "１６３２２８００００１", " clerk ", "FEE.");
        Assert.Empty(none);
        Assert.Equal(new AuditFilter(new DateOnly(2026, 11, 24), null, "16322800001", "clerk", "fee."), filter);
        Assert.Equal("from=2026-11-24&resident=16322800001&actor=clerk&action=fee.", filter.ToQueryString());
    }
}


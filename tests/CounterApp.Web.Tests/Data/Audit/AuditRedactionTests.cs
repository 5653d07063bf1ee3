using CounterApp.Web.Data;
using CounterApp.Web.Data.Audit;
using CounterApp.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CounterApp.Web.Tests.Data.Audit;

public sealed class AuditRedactionTests(PostgresServer postgres)
{
    [Theory]
    [Trait("Rule", "R-X-02")]
    [InlineData("pin")]
    [InlineData("PIN")]
    [InlineData("cardPin")]
    [InlineData("CardPIN")]
    [InlineData("PINNumber")]
    [InlineData("new_pin")]
    [InlineData("pin-code")]
    [InlineData("newpin")]
    [InlineData("pin2")]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("newPassword")]
    [InlineData("certificate_password")]
    [InlineData("passwd")]
    [InlineData("pwd")]
    [InlineData("passcode")]
    [InlineData("ＰＩＮ")]
    [InlineData("暗証番号")]
    [InlineData("カード暗証番号")]
    [InlineData("パスワード")]
    [InlineData("新しいパスワード")]
    [InlineData("ﾊﾟｽﾜｰﾄﾞ")]
    [InlineData("PINコード")]
    public void Details_WhenKeyNamesPinOrPassword_Throws(string key)
    {
        var e = Assert.Throws<ArgumentException>(() => new AuditEvent
        {
            Actor = "clerk",
            Action = "card.pin-reset",
            Outcome = AuditOutcomes.Succeeded,
            Details = new Dictionary<string, string?> { ["card"] = "0001", [key] = "1234" },
        });

        Assert.Contains("R-X-02", e.Message);
        Assert.DoesNotContain("1234", e.Message);
    }

    [Theory]
    [Trait("Rule", "R-X-02")]
    [InlineData("receipt")]
    [InlineData("opinion")]
    [InlineData("shipping")]
    [InlineData("typing")]
    [InlineData("spine")]
    [InlineData("attempts")]
    [InlineData("備考")]
    [InlineData("受付番号")]
    public void Details_WhenKeyIsOrdinary_IsKept(string key)
    {
        var e = new AuditEvent
        {
            Actor = "clerk",
            Action = "card.pin-reset",
            Outcome = AuditOutcomes.Succeeded,
            Details = new Dictionary<string, string?> { [key] = "x" },
        };

        Assert.Equal("x", e.Details![key]);
    }

    [Theory]
    [Trait("Rule", "R-X-02")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AppendAsync_WhenDetailsCarryAPassword_NothingIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        var trail = new AuditTrail(db, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => trail.AppendAsync(new AuditEvent
        {
            Actor = "clerk",
            Action = "certificate.issued",
            Outcome = AuditOutcomes.Succeeded,
            Details = new Dictionary<string, string?> { ["パスワード"] = "ABCD1234" },
        }));

        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public void Details_WhenCallerChangesTheDictionaryLater_EventKeepsWhatWasChecked()
    {
        var details = new Dictionary<string, string?> { ["receipt"] = "001-2026-000001" };
        var e = new AuditEvent { Actor = "clerk", Action = "fee.receipt-issued", Outcome = AuditOutcomes.Succeeded, Details = details };

        details["pin"] = "1234";

        Assert.Equal(["receipt"], e.Details!.Keys);
    }
}

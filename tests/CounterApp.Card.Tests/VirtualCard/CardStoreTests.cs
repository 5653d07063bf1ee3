using System.Text;
using CounterApp.Card.Apdu;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard.State;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>Card state in a file: survives power cycles, owner-only permissions, never the PIN or password itself.</summary>
public sealed class CardStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("counterapp-store-").FullName, "cards");
    private readonly CardStore _store;

    public CardStoreTests()
    {
        _store = new CardStore(_folder);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Create_WhenNewStore_WritesAnOwnerOnlyFileInAnOwnerOnlyFolder()
    {
        var serial = _store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.PathOf(serial)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        Assert.Equal([serial], _store.ListSerials());
    }

    [Fact]
    [Trait("Rule", "R-CA-01")]
    public void Open_WhenReloadedAfterWrongPasswords_KeepsTheCountKeyAndCertificates()
    {
        var serial = _store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));
        var ca = TestCa.Shared;
        var first = new CardHarness(_store.Open(serial));
        var certificate = first.Personalise(ca);
        first.VerifyPassword("WRONG1");
        first.VerifyPassword("WRONG2");

        var again = new CardHarness(_store.Open(serial));

        Assert.Equal(new StatusWord(0x63C2), again.VerifyPassword("WRONG3"));
        Assert.Equal(StatusWord.Success, again.VerifyPassword(TestSecrets.Password));
        Assert.Equal(certificate.RawData, again.ReadEf(Card.Profile.ResidentCardProfile.SigningCertificateEf));
    }

    [Fact]
    [Trait("Rule", "R-X-02")]
    public void File_WhenPinAndPasswordSet_HoldsNeitherInAnyForm()
    {
        var serial = _store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));
        new CardHarness(_store.Open(serial)).SetPassword(TestSecrets.Password);

        var text = File.ReadAllText(_store.PathOf(serial));

        foreach (var secret in new[] { TestSecrets.CardPin, TestSecrets.Password })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.ASCII.GetBytes(secret)), text);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.ASCII.GetBytes(secret)), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Create_WhenSerialTaken_Throws()
    {
        _store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin), "00000000000000AA");

        Assert.Throws<InvalidOperationException>(() => _store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin), "00000000000000AA"));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("abcd")]
    public void Create_WhenPinIsNotFourDigits_Throws(string pin)
    {
        Assert.Throws<ArgumentException>(() => _store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(pin)));
    }

    [Fact]
    public void Open_WhenNoSuchCard_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => _store.Open("0000000000000000"));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
}

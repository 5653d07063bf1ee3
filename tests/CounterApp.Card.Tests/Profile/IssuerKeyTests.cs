using System.Security.Cryptography;
using CounterApp.Card.Issuer;
using CounterApp.Card.Tests.Support;

namespace CounterApp.Card.Tests.Profile;

/// <summary>The per-card issuer key and the EXTERNAL AUTHENTICATE cryptogram.</summary>
public sealed class IssuerKeyTests
{
    private const string Serial = "00112233445566AA";

    [Fact]
    public void DeriveCardKey_WhenSameInputs_IsTheSame256BitKey()
    {
        var first = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, Serial);
        var second = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, Serial);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void DeriveCardKey_WhenSerialOrMasterDiffers_GivesAnotherKey()
    {
        var key = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, Serial);

        Assert.NotEqual(key, IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, "00112233445566AB"));
        Assert.NotEqual(key, IssuerKeyDerivation.DeriveCardKey(TestSecrets.OtherMasterSecret, Serial));
    }

    [Fact]
    public void DeriveCardKey_WhenMasterSecretShorterThan32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => IssuerKeyDerivation.DeriveCardKey(new byte[31], Serial));
    }

    [Fact]
    public void Cryptogram_WhenComputedWithTheCardKey_Verifies()
    {
        var key = IssuerKeyDerivation.DeriveCardKey(TestSecrets.MasterSecret, Serial);
        var challenge = RandomNumberGenerator.GetBytes(16);

        var cryptogram = IssuerCryptogram.Compute(key, challenge);

        Assert.True(IssuerCryptogram.Verify(key, challenge, cryptogram));
        Assert.False(IssuerCryptogram.Verify(key, RandomNumberGenerator.GetBytes(16), cryptogram));
        Assert.False(IssuerCryptogram.Verify(key, challenge, cryptogram.AsSpan(0, 15)));
    }
}

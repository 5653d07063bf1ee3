using System.Security.Cryptography;
using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard.State;

namespace CounterApp.Card.Tests.VirtualCard;

/// <summary>R-CE-01: the private key never exists outside the card: no command answers any part of it.</summary>
[Trait("Rule", "R-CE-01")]
public sealed class PrivateKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("counterapp-card-").FullName;

    [Fact]
    public void EveryAnswer_WhenTheWholeProfileIsExercised_ContainsNoPartOfThePrivateKey()
    {
        var store = new CardStore(_folder);
        var serial = store.Create(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));
        var card = new CardHarness(store.Open(serial));
        var ca = TestCa.Shared;
        card.Personalise(ca);
        card.VerifyPassword(TestSecrets.Password);
        var answers = new List<byte[]>();
        foreach (var fileId in new ushort[] { 0x0001, 0x0002, 0x0006, 0x0018, 0x001A, 0x001B })
        {
            card.SelectEf(fileId);
            foreach (var apdu in new[] { "00 B0 00 00 00", "00 B0 00 00 00 FF FF", "00 47 81 00 00 00 00", "00 47 81 00 00", "00 C0 00 00 00", "00 20 00 80" })
            {
                answers.Add(card.Card.Process(Hex.Bytes(apdu)));
            }
        }

        card.SelectEf(ResidentCardProfile.SigningKeyEf);
        answers.Add(card.Card.Process(ResidentCardCommands.ComputeDigitalSignature(DigestInfo.Create(HashAlgorithmName.SHA256, new byte[32])).Encode()));

        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(store.Load(serial).SigningKeyPkcs8, out _);
        var secret = key.ExportParameters(true);
        foreach (var part in new[] { secret.D!, secret.P!, secret.Q!, secret.DP!, secret.DQ!, secret.InverseQ! })
        {
            var window = part.AsSpan(0, 16).ToArray();
            Assert.All(answers, answer => Assert.Equal(-1, answer.AsSpan().IndexOf(window)));
        }
    }

    [Fact]
    public void ReadBinary_WhenKeyEfAfterEveryCredential_Answers6981()
    {
        var card = new CardHarness();
        var ca = TestCa.Shared;
        card.Personalise(ca);
        card.AuthenticateIssuer();
        card.VerifyPassword(TestSecrets.Password);
        card.VerifyPin(TestSecrets.CardPin);
        card.SelectEf(ResidentCardProfile.SigningKeyEf);

        Assert.Equal(StatusWord.IncompatibleFileStructure, card.Sw("00 B0 00 00 00"));
        Assert.Equal(StatusWord.IncompatibleFileStructure, card.Sw("00 D6 00 00 01 00"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

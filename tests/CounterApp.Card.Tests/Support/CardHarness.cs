using CounterApp.Card.Apdu;
using CounterApp.Card.Issuer;
using CounterApp.Card.Profile;
using CounterApp.VirtualCard;

namespace CounterApp.Card.Tests.Support;

/// <summary>An in-memory card and raw APDU helpers, for the APDU-level tests.</summary>
internal sealed class CardHarness
{
    public CardHarness(string? serial = null)
        : this(VirtualResidentCard.CreateInMemory(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin), serial))
    {
    }

    public CardHarness(VirtualResidentCard card)
    {
        Card = card;
        Card.KeyGenerator = TestKeys.Next;
    }

    public VirtualResidentCard Card { get; }

    public ResponseApdu Send(string hex) => ResponseApdu.Parse(Card.Process(Hex.Bytes(hex)));

    public ResponseApdu Send(CommandApdu command) => ResponseApdu.Parse(Card.Process(command.Encode()));

    public StatusWord Sw(string hex) => Send(hex).StatusWord;

    public StatusWord Sw(CommandApdu command) => Send(command).StatusWord;

    public void SelectApplication() => AssertOk(ResidentCardCommands.SelectApplication());

    public void SelectEf(ushort fileId)
    {
        SelectApplication();
        AssertOk(ResidentCardCommands.SelectEf(fileId));
    }

    public void AuthenticateIssuer(byte[]? masterSecret = null)
    {
        var challenge = Send(ResidentCardCommands.GetChallenge());
        Assert.Equal(StatusWord.Success, challenge.StatusWord);
        var key = IssuerKeyDerivation.DeriveCardKey(masterSecret ?? TestSecrets.MasterSecret, Card.Serial);
        AssertOk(ResidentCardCommands.ExternalAuthenticate(IssuerCryptogram.Compute(key, challenge.Data.Span)));
    }

    public StatusWord VerifyPassword(string password)
    {
        SelectEf(ResidentCardProfile.PasswordEf);
        return Sw(ResidentCardCommands.Verify(TestSecrets.Ascii(password)));
    }

    public StatusWord VerifyPin(string pin)
    {
        SelectEf(ResidentCardProfile.CardPinEf);
        return Sw(ResidentCardCommands.Verify(TestSecrets.Ascii(pin)));
    }

    public void SetPassword(string password)
    {
        AuthenticateIssuer();
        SelectEf(ResidentCardProfile.PasswordEf);
        AssertOk(ResidentCardCommands.ResetRetryCounter(TestSecrets.Ascii(password)));
    }

    /// <summary>Issuer auth, key generation (answer collected through GET RESPONSE), returns the public key.</summary>
    public PublicKeyTemplate GenerateKey()
    {
        AuthenticateIssuer();
        SelectEf(ResidentCardProfile.SigningKeyEf);
        return PublicKeyTemplate.Decode(SendCollecting(ResidentCardCommands.GenerateKeyPair().WithNe(256)));
    }

    /// <summary>Sends a command in short form and follows 61 xx with GET RESPONSE, asserting success at the end.</summary>
    public byte[] SendCollecting(CommandApdu command)
    {
        var response = Send(command);
        var data = new List<byte>(response.Data.ToArray());
        while (response.StatusWord.BytesAvailable is { } available)
        {
            response = Send(new CommandApdu(0x00, Ins.GetResponse, 0, 0, default, available));
            data.AddRange(response.Data.ToArray());
        }

        Assert.Equal(StatusWord.Success, response.StatusWord);
        return data.ToArray();
    }

    /// <summary>Writes a whole EF with command chaining in 255-byte pieces.</summary>
    public StatusWord WriteEf(ushort fileId, byte[] content)
    {
        SelectEf(fileId);
        var last = StatusWord.Success;
        foreach (var part in CommandChaining.Split(ResidentCardCommands.UpdateBinary(content)))
        {
            last = Sw(part);
            if (!last.IsSuccess)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>Reads a whole EF in 256-byte pieces until the card says the offset is past the end.</summary>
    public byte[] ReadEf(ushort fileId)
    {
        SelectEf(fileId);
        var content = new List<byte>();
        while (true)
        {
            var response = Send(ResidentCardCommands.ReadBinary(content.Count, 256));
            if (response.StatusWord == StatusWord.WrongOffset)
            {
                return content.ToArray();
            }

            Assert.Equal(StatusWord.Success, response.StatusWord);
            content.AddRange(response.Data.ToArray());
        }
    }

    /// <summary>Key, signing and CA certificates, password: a card as issuance leaves it. Returns the signing certificate.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 Personalise(TestCa ca, string password = TestSecrets.Password)
    {
        var publicKey = GenerateKey();
        var certificate = ca.Issue(publicKey.ToSubjectPublicKeyInfo());
        Assert.Equal(StatusWord.Success, WriteEf(ResidentCardProfile.SigningCertificateEf, certificate.RawData));
        Assert.Equal(StatusWord.Success, WriteEf(ResidentCardProfile.CaCertificateEf, ca.Certificate.RawData));
        SetPassword(password);
        Card.Reset();
        return certificate;
    }

    private void AssertOk(CommandApdu command) => Assert.Equal(StatusWord.Success, Sw(command));
}

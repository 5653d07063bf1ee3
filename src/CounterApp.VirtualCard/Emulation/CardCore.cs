using System.Security.Cryptography;
using CounterApp.Card.Apdu;
using CounterApp.Card.Profile;
using CounterApp.VirtualCard.State;

namespace CounterApp.VirtualCard.Emulation;

/// <summary>The card's memory and session as the command handlers see them.</summary>
internal sealed class CardCore(CardState state, Action<CardState>? persist)
{
    private RSA? _key;

    public CardState State { get; } = state;

    public CardSession Session { get; } = new();

    /// <summary>Makes the RSA-2048 key of GENERATE KEY PAIR; tests may hand out pre-made keys to save time.</summary>
    public Func<RSA> KeyGenerator { get; set; } = static () => RSA.Create(ResidentCardProfile.KeySizeBits);

    public void Persist() => persist?.Invoke(State);

    public static ResponseApdu Status(StatusWord sw) => new(sw);

    public static ResponseApdu Ok(ReadOnlyMemory<byte> data = default) => new(data, StatusWord.Success);

    /// <summary>The signing key, loaded from the state once; null before GENERATE KEY PAIR.</summary>
    public RSA? SigningKey
    {
        get
        {
            if (_key is null && State.SigningKeyPkcs8 is { } pkcs8)
            {
                _key = RSA.Create();
                _key.ImportPkcs8PrivateKey(pkcs8, out _);
            }

            return _key;
        }
    }

    public void ReplaceSigningKey(RSA key)
    {
        _key?.Dispose();
        _key = key;
        State.SigningKeyPkcs8 = key.ExportPkcs8PrivateKey();
    }

    public StoredCredential? CredentialOf(ushort fileId) => fileId switch
    {
        ResidentCardProfile.PasswordEf => State.Password,
        ResidentCardProfile.CardPinEf => State.CardPin,
        _ => null,
    };

    public void SetCredential(ushort fileId, StoredCredential credential)
    {
        if (fileId == ResidentCardProfile.PasswordEf)
        {
            State.Password = credential;
        }
        else
        {
            State.CardPin = credential;
        }
    }

    public bool IsVerified(ushort fileId) =>
        fileId == ResidentCardProfile.PasswordEf ? Session.PasswordVerified : Session.CardPinVerified;

    public void SetVerified(ushort fileId, bool verified)
    {
        if (fileId == ResidentCardProfile.PasswordEf)
        {
            Session.PasswordVerified = verified;
        }
        else
        {
            Session.CardPinVerified = verified;
        }
    }

    /// <summary>The current EF when it is of <paramref name="kind"/>; otherwise the status word to answer.</summary>
    public bool TryCurrentEf(FileKind kind, out ushort fileId, out ResponseApdu refusal)
    {
        fileId = Session.CurrentEf ?? 0;
        refusal = Status(StatusWord.Success);
        if (Session.CurrentEf is null)
        {
            refusal = Status(StatusWord.NoCurrentEf);
            return false;
        }

        if (CardFiles.KindOf(fileId) != kind)
        {
            refusal = Status(StatusWord.IncompatibleFileStructure);
            return false;
        }

        return true;
    }

    public byte[] ContentOf(ushort fileId) => fileId switch
    {
        ResidentCardProfile.SigningCertificateEf => State.SigningCertificate ?? [],
        ResidentCardProfile.CaCertificateEf => State.CaCertificate ?? [],
        ResidentCardProfile.TokenInfoEf => TokenInfo.Encode(State.Serial),
        _ => [],
    };
}

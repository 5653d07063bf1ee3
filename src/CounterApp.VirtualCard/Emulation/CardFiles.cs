using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation;

internal enum FileKind
{
    Binary,
    Credential,
    Key,
}

/// <summary>The EFs of the JPKI application on this card. 000A, 000B and 0017 are absent, as on a card without them.</summary>
internal static class CardFiles
{
    public static FileKind? KindOf(ushort fileId) => fileId switch
    {
        ResidentCardProfile.SigningCertificateEf or ResidentCardProfile.CaCertificateEf or ResidentCardProfile.TokenInfoEf => FileKind.Binary,
        ResidentCardProfile.CardPinEf or ResidentCardProfile.PasswordEf => FileKind.Credential,
        ResidentCardProfile.SigningKeyEf => FileKind.Key,
        _ => null,
    };

    public static bool IsWritableCertificate(ushort fileId) =>
        fileId is ResidentCardProfile.SigningCertificateEf or ResidentCardProfile.CaCertificateEf;
}

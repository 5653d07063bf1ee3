using System.Security.Cryptography;

namespace CounterApp.VirtualCard.Emulation;

/// <summary>What the card forgets on reset or power-off: selection and security state, pending data.</summary>
internal sealed class CardSession
{
    public bool ApplicationSelected { get; set; }

    public ushort? CurrentEf { get; set; }

    public bool IssuerAuthenticated { get; set; }

    public bool PasswordVerified { get; set; }

    public bool CardPinVerified { get; set; }

    /// <summary>The last GET CHALLENGE, usable for one EXTERNAL AUTHENTICATE.</summary>
    public byte[]? Challenge { get; set; }

    /// <summary>Response bytes waiting for GET RESPONSE, with the status word that ends them.</summary>
    public (byte[] Data, int Offset, ushort FinalStatus)? Pending { get; set; }

    /// <summary>Data of a command chain received so far, with the header that started it.</summary>
    public (byte Ins, byte P1, byte P2, List<byte> Data)? Chain { get; set; }

    public void ForgetChallenge()
    {
        if (Challenge is not null)
        {
            CryptographicOperations.ZeroMemory(Challenge);
            Challenge = null;
        }
    }

    public void ForgetChain()
    {
        if (Chain is { } chain)
        {
            for (var i = 0; i < chain.Data.Count; i++)
            {
                chain.Data[i] = 0;
            }

            Chain = null;
        }
    }

    public void Clear()
    {
        ApplicationSelected = false;
        CurrentEf = null;
        IssuerAuthenticated = false;
        PasswordVerified = false;
        CardPinVerified = false;
        Pending = null;
        ForgetChallenge();
        ForgetChain();
    }
}

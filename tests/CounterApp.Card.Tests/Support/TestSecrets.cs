using System.Text;

namespace CounterApp.Card.Tests.Support;

/// <summary>Throwaway secrets for tests: a master secret, a card PIN and passwords.</summary>
internal static class TestSecrets
{
    public static readonly byte[] MasterSecret = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
    public static readonly byte[] OtherMasterSecret = Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray();
    public const string CardPin = "4321";
    public const string Password = "COUNTER2026";
    public const string NewPassword = "NEWPASS77";

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}

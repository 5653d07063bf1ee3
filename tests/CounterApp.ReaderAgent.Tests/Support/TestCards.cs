using System.Text;
using CounterApp.VirtualCard;

namespace CounterApp.ReaderAgent.Tests.Support;

/// <summary>Throwaway issuer secret and card PIN, and in-memory cards made with them.</summary>
internal static class TestCards
{
    public const string CardPin = "4321";

    public static readonly byte[] MasterSecret = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 13))];

    public static VirtualResidentCard New() => VirtualResidentCard.CreateInMemory(MasterSecret, Encoding.ASCII.GetBytes(CardPin));
}

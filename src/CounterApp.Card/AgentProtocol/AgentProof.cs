using System.Globalization;
using System.Text;

namespace CounterApp.Card.AgentProtocol;

/// <summary>
/// What the agent signs with its ECDSA P-256 key (SHA-256, IEEE P1363 signature): a label that names the purpose,
/// the server's fresh 32-byte challenge, and the agent id (authenticate) or the new public key (enrol). The labels
/// keep a signature made for one purpose from being replayed for the other.
/// </summary>
public static class AgentProof
{
    public const int ChallengeLength = 32;

    public static byte[] AuthenticatePayload(ReadOnlySpan<byte> challenge, long agentId) =>
        [.. "CounterApp reader agent v1 authenticate\0"u8, .. challenge, .. Encoding.ASCII.GetBytes(agentId.ToString(CultureInfo.InvariantCulture))];

    public static byte[] EnrolPayload(ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> publicKey) =>
        [.. "CounterApp reader agent v1 enrol\0"u8, .. challenge, .. publicKey];
}

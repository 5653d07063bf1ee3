using System.Text.Json;
using System.Text.Json.Serialization;

namespace CounterApp.Card.AgentProtocol;

/// <summary>
/// One message of the agent protocol (README, "Protocol"): a JSON object with a <c>type</c> and the fields that type
/// uses; absent fields are left out. Binary values (APDUs, ATRs, keys, signatures) are Base64. The agent and the
/// server both use this one definition (it lives here because both reference CounterApp.Card).
/// </summary>
public sealed class AgentMessage
{
    public string Type { get; set; } = "";

    /// <summary>Request id chosen by the server; the agent's result or error carries it back.</summary>
    public long? Id { get; set; }

    /// <summary>Card session id chosen by the server at <c>open</c>.</summary>
    public int? Session { get; set; }

    public string? Reader { get; set; }

    public byte[]? Apdu { get; set; }

    public byte[]? Atr { get; set; }

    public bool? Present { get; set; }

    /// <summary>On the result of <c>begin</c>: the card was reset since the session's previous exchange.</summary>
    public bool? Reset { get; set; }

    /// <summary>Error or refusal code (see <see cref="ErrorCodes"/>, <see cref="RefusalCodes"/>).</summary>
    public string? Error { get; set; }

    /// <summary>Human-readable detail for logs; never carries card data.</summary>
    public string? Message { get; set; }

    public int? Protocol { get; set; }

    public byte[]? Challenge { get; set; }

    public long? AgentId { get; set; }

    public string? Name { get; set; }

    public int? CounterId { get; set; }

    public string? EnrolmentCode { get; set; }

    /// <summary>The agent's public key, SubjectPublicKeyInfo DER (ECDSA P-256).</summary>
    public byte[]? PublicKey { get; set; }

    /// <summary>ECDSA P-256 over SHA-256, IEEE P1363 (r‖s, 64 bytes); see <see cref="AgentProof"/>.</summary>
    public byte[]? Signature { get; set; }

    /// <summary>The counter PC's host name, for the audit trail.</summary>
    public string? Host { get; set; }

    public string? Version { get; set; }

    public IReadOnlyList<ReaderInfo>? Readers { get; set; }
}

/// <summary>One reader in a <c>readers</c> message.</summary>
public sealed record ReaderInfo(string Name, bool Present, byte[]? Atr);

public static class MessageTypes
{
    public const string Hello = "hello";
    public const string Enrol = "enrol";
    public const string Authenticate = "authenticate";
    public const string Welcome = "welcome";
    public const string Refused = "refused";
    public const string Readers = "readers";
    public const string Card = "card";
    public const string Open = "open";
    public const string Transmit = "transmit";
    public const string Begin = "begin";
    public const string End = "end";
    public const string Close = "close";
    public const string Result = "result";
    public const string Error = "error";
}

/// <summary>Codes of an <c>error</c> answer to a server request.</summary>
public static class ErrorCodes
{
    public const string NoCard = "no-card";
    public const string Removed = "removed";
    public const string Reset = "reset";
    public const string UnknownReader = "unknown-reader";
    public const string Busy = "busy";
    public const string NoSession = "no-session";
    public const string Timeout = "timeout";
    public const string BadRequest = "bad-request";
    public const string Failed = "failed";
}

/// <summary>Codes of a <c>refused</c> handshake.</summary>
public static class RefusalCodes
{
    public const string UnknownAgent = "unknown-agent";
    public const string Revoked = "revoked";
    public const string NotEnrolled = "not-enrolled";
    public const string BadSignature = "bad-signature";
    public const string InvalidCode = "invalid-code";
    public const string ExpiredCode = "expired-code";
    public const string BadKey = "bad-key";
    public const string Protocol = "protocol";
}

public static class AgentJson
{
    public const int ProtocolVersion = 1;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Security.Cryptography;
using CounterApp.Domain.Revocation;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Ocsp;

[Trait("Rule", "R-RV-03")]
public sealed class OcspResponderTests(AuthorityFixture toyama, MiyagiFixture miyagi)
{
    private static DateTimeOffset AMinuteAgo => DateTimeOffset.UtcNow.AddMinutes(-1);

    private static byte[] Ask(Action<OcspRequestBuilder> build)
    {
        var builder = new OcspRequestBuilder();
        build(builder);
        return builder.Build();
    }

    [Fact]
    public void Answer_WhenGoodCertificate_IsSignedByTheDelegatedResponderWithItsKeyHashAsId()
    {
        using var issued = toyama.Issue();

        var reading = OcspReading.Parse(toyama.Responder.Respond(Ask(b => b.Add(toyama.Authority.Certificate, issued.Certificate))));

        Assert.Equal(OcspResponseStatus.Successful, reading.ResponseStatus);
        Assert.True(reading.SignatureValid);
        Assert.Equal(toyama.Authority.ResponderCertificate.RawData, reading.Signer!.RawData);
        Assert.Equal(SHA1.HashData(toyama.Authority.ResponderCertificate.PublicKey.EncodedKeyValue.RawData), reading.ResponderKeyHash);
        var single = Assert.Single(reading.Responses);
        Assert.Equal(OcspCertStatusKind.Good, single.Kind);
        Assert.Equal(single.ThisUpdate.AddHours(1), single.NextUpdate);
    }

    [Fact]
    public void Answer_WhenRevoked_SaysSoAtOnceWithTimeAndReason()
    {
        using var issued = toyama.Issue();
        var request = Ask(b => b.Add(toyama.Authority.Certificate, issued.Certificate, HashAlgorithmName.SHA256));
        Assert.Equal(OcspCertStatusKind.Good, OcspReading.Parse(toyama.Responder.Respond(request)).Responses[0].Kind);
        var at = new DateTimeOffset(2026, 11, 20, 9, 30, 15, TimeSpan.Zero);

        toyama.Authority.Revoke(issued.Serial, RevocationReason.KeyCompromise, at);
        var answer = toyama.Responder.Answer(request);

        Assert.False(answer.FromCache);
        var single = Assert.Single(OcspReading.Parse(answer.Body.Span).Responses);
        Assert.Equal(OcspCertStatusKind.Revoked, single.Kind);
        Assert.Equal(at, single.RevokedAt);
        Assert.Equal((int)RevocationReason.KeyCompromise, single.Reason);
    }

    [Fact]
    public void Answer_WhenRevokedForAnUnspecifiedReason_LeavesTheReasonOut()
    {
        using var issued = toyama.Issue();
        toyama.Authority.Revoke(issued.Serial, RevocationReason.Unspecified, AMinuteAgo);

        var single = OcspReading.Parse(toyama.Responder.Respond(Ask(b => b.Add(toyama.Authority.Certificate, issued.Certificate)))).Responses[0];

        Assert.Equal(OcspCertStatusKind.Revoked, single.Kind);
        Assert.Null(single.Reason);
    }

    [Fact]
    public void Answer_WhenSerialNeverIssued_IsUnknown()
    {
        var reading = OcspReading.Parse(toyama.Responder.Respond(Ask(b => b.Add(toyama.Authority.Certificate, [0x01, 0x02, 0x03]))));

        Assert.Equal(OcspCertStatusKind.Unknown, Assert.Single(reading.Responses).Kind);
    }

    [Fact]
    public void Answer_WhenAskedTwiceWithoutNonce_ServesTheCachedAnswerUntilTheStatusChanges()
    {
        using var issued = toyama.Issue();
        var request = Ask(b => b.Add(toyama.Authority.Certificate, issued.Certificate));

        var first = toyama.Responder.Answer(request);
        var second = toyama.Responder.Answer(request);
        toyama.Authority.Revoke(issued.Serial, RevocationReason.Superseded, AMinuteAgo);
        var third = toyama.Responder.Answer(request);
        var fourth = toyama.Responder.Answer(request);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.False(third.FromCache);
        Assert.Equal(OcspCertStatusKind.Revoked, OcspReading.Parse(third.Body.Span).Responses[0].Kind);
        Assert.True(fourth.FromCache);
        Assert.Equal(third.Body.ToArray(), fourth.Body.ToArray());
    }

    [Fact]
    public void Answer_WhenNonceSent_EchoesItAndSignsFreshEveryTime()
    {
        using var issued = toyama.Issue();
        var nonce = RandomNumberGenerator.GetBytes(32);
        var request = Ask(b => b.Add(toyama.Authority.Certificate, issued.Certificate).WithNonce(nonce));

        var first = toyama.Responder.Answer(request);
        var second = toyama.Responder.Answer(request);

        Assert.False(second.FromCache);
        var reading = OcspReading.Parse(first.Body.Span);
        Assert.Equal([0x04, 0x20, .. nonce], reading.NonceExtnValue);
        Assert.True(reading.SignatureValid);
    }

    [Fact]
    public void Answer_WhenSeveralCertificates_AnswersEachInOrder()
    {
        using var good = toyama.Issue();
        using var revoked = toyama.Issue(1);
        toyama.Authority.Revoke(revoked.Serial, RevocationReason.AffiliationChanged, AMinuteAgo);

        var reading = OcspReading.Parse(toyama.Responder.Respond(Ask(b => b
            .Add(toyama.Authority.Certificate, good.Certificate)
            .Add(toyama.Authority.Certificate, revoked.Certificate, HashAlgorithmName.SHA256)
            .Add(toyama.Authority.Certificate, [0x7F]))));

        Assert.Equal([OcspCertStatusKind.Good, OcspCertStatusKind.Revoked, OcspCertStatusKind.Unknown], reading.Responses.Select(r => r.Kind));
    }

    [Fact]
    public void Answer_WhenIssuerIsAnotherCa_IsUnauthorized()
    {
        using var issued = toyama.Issue();

        var answer = toyama.Responder.Answer(Ask(b => b.Add(miyagi.Authority.Certificate, issued.Certificate)));

        Assert.Equal(OcspResponseStatus.Unauthorized, answer.Status);
        Assert.Equal([0x30, 0x03, 0x0A, 0x01, 0x06], answer.Body.ToArray());
    }

    [Fact]
    public void Answer_WhenCertIdHashUnsupported_IsUnauthorized()
    {
        var md5 = new byte[16];

        var answer = toyama.Responder.Answer(Ask(b => b.AddRaw("1.2.840.113549.2.5", md5, md5, [0x01])));

        Assert.Equal(OcspResponseStatus.Unauthorized, answer.Status);
    }

    [Fact]
    public void Answer_WhenUnknownExtensionIsNotCritical_IgnoresIt()
    {
        using var issued = toyama.Issue();

        var answer = toyama.Responder.Answer(Ask(b => b.Add(toyama.Authority.Certificate, issued.Certificate).WithExtension("1.2.3.4", critical: false, [0x05, 0x00])));

        Assert.Equal(OcspResponseStatus.Successful, answer.Status);
    }

    public static TheoryData<string, byte[]> MalformedRequests()
    {
        var issuer = new OcspRequestBuilder();
        return new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "not DER", "GET / HTTP/1.1\r\n"u8.ToArray() },
            { "oversized", new byte[9000] },
            { "no CertIDs", new OcspRequestBuilder().Build() },
            { "trailing bytes", [.. new OcspRequestBuilder().AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [1]).Build(), 0x00] },
            { "version 2", new OcspRequestBuilder().AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [1]).WithVersion(1).Build() },
            { "unknown critical extension", new OcspRequestBuilder().AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [1]).WithExtension("1.2.3.4", true, [0x05, 0x00]).Build() },
            { "nonce of 33 octets", new OcspRequestBuilder().AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [1]).WithNonce(new byte[33]).Build() },
            { "empty nonce", new OcspRequestBuilder().AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [1]).WithNonce([]).Build() },
            { "two nonces", new OcspRequestBuilder().AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [1]).WithNonce([1]).WithNonce([2]).Build() },
            { "17 CertIDs", Enumerable.Range(0, 17).Aggregate(issuer, (b, i) => b.AddRaw("1.3.14.3.2.26", new byte[20], new byte[20], [(byte)(i + 1)])).Build() },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void Answer_WhenRequestMalformedOrOverABound_IsMalformedRequest(string why, byte[] request)
    {
        var answer = toyama.Responder.Answer(request);

        Assert.True(answer.Status == OcspResponseStatus.MalformedRequest, why);
        Assert.Equal([0x30, 0x03, 0x0A, 0x01, 0x01], answer.Body.ToArray());
    }

    [Fact]
    public void Answer_WhenTheStoreFails_IsInternalErrorNotAnException()
    {
        // A CA of its own, so failing its store disturbs no other test.
        using var failing = new ClockedAuthority();
        failing.Store.FailLookups = true;

        var answer = failing.Responder.Answer(Ask(b => b.Add(failing.Authority.Certificate, [0x01])));

        Assert.Equal(OcspResponseStatus.InternalError, answer.Status);
        Assert.Equal([0x30, 0x03, 0x0A, 0x01, 0x02], answer.Body.ToArray());
    }

    [Fact]
    public void Endpoint_WhenSeveralCas_RoutesEachRequestToItsIssuer()
    {
        var endpoint = new OcspEndpoint([toyama.Responder, miyagi.Responder]);
        using var fromToyama = toyama.Issue();
        using var fromMiyagi = miyagi.Authority.Issue(Given.Subject, Given.SubscriberKey(), Given.FarCardExpiry);

        var a = OcspReading.Parse(endpoint.Respond(Ask(b => b.Add(toyama.Authority.Certificate, fromToyama.Certificate))));
        var b = OcspReading.Parse(endpoint.Respond(Ask(b => b.Add(miyagi.Authority.Certificate, fromMiyagi.Certificate))));
        var mixed = endpoint.Answer(Ask(b => b.Add(toyama.Authority.Certificate, fromToyama.Certificate).Add(miyagi.Authority.Certificate, fromMiyagi.Certificate)));

        Assert.Equal(toyama.Authority.ResponderCertificate.RawData, a.Signer!.RawData);
        Assert.Equal(miyagi.Authority.ResponderCertificate.RawData, b.Signer!.RawData);
        Assert.Equal(OcspCertStatusKind.Good, b.Responses[0].Kind);
        Assert.Equal(b.Responses[0].ThisUpdate.AddMinutes(10), b.Responses[0].NextUpdate);
        Assert.Equal(OcspResponseStatus.Unauthorized, mixed.Status);
        Assert.Equal(OcspResponseStatus.MalformedRequest, endpoint.Answer([0x30, 0x00]).Status);
    }

    [Fact]
    public void GetRequest_WhenUrlEncodedBase64_DecodesToTheRequest()
    {
        var request = Ask(b => b.Add(toyama.Authority.Certificate, [0xFB, 0xFF, 0x3E]));
        var path = Uri.EscapeDataString(Convert.ToBase64String(request));

        Assert.True(OcspGetRequest.TryDecode(path, OcspOptions.Default, out var decoded));
        Assert.Equal(request, decoded);
        Assert.False(OcspGetRequest.TryDecode("not base64!", OcspOptions.Default, out _));
        Assert.False(OcspGetRequest.TryDecode(new string('A', 40_000), OcspOptions.Default, out _));
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using CounterApp.Pki.Ocsp;
using CounterApp.Pki.Tests.Support;

namespace CounterApp.Pki.Tests.Ocsp;

/// <summary>
/// The parser facing the internet, fed random bytes, random DER-shaped trees, every truncation and single-bit flips of
/// real requests. Every input must get a well-formed OCSPResponse with a defined status, and never an exception.
/// Seeded, so a failure reproduces; bounded to a few seconds.
/// </summary>
public sealed class OcspFuzzTests(AuthorityFixture toyama)
{
    private static readonly OcspResponseStatus[] Defined = Enum.GetValues<OcspResponseStatus>();

    [Fact]
    public void Respond_WhenFedRandomBytes_AlwaysAnswersAnErrorStatus()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 3000; i++)
        {
            var input = new byte[random.Next(0, 400)];
            random.NextBytes(input);
            if (input.Length > 0 && random.Next(2) == 0)
            {
                input[0] = 0x30; // start like a SEQUENCE to get past the first check
            }

            Assert.NotEqual(OcspResponseStatus.Successful, Check(input));
        }
    }

    [Fact]
    public void Respond_WhenFedRandomDerTrees_NeverThrows()
    {
        var random = new Random(4);
        for (var i = 0; i < 3000; i++)
        {
            var writer = new AsnWriter(AsnEncodingRules.DER);
            WriteRandom(writer, random, depth: 0);
            Check(writer.Encode());
        }
    }

    [Fact]
    public void Respond_WhenRealRequestIsTruncatedAnywhere_IsMalformed()
    {
        using var issued = toyama.Issue();
        var request = new OcspRequestBuilder().Add(toyama.Authority.Certificate, issued.Certificate, HashAlgorithmName.SHA256).WithNonce(new byte[16]).Build();

        for (var length = 0; length < request.Length; length++)
        {
            Assert.Equal(OcspResponseStatus.MalformedRequest, Check(request.AsSpan(0, length)));
        }

        Assert.Equal(OcspResponseStatus.Successful, Check(request));
    }

    [Fact]
    public void Respond_WhenRealRequestHasAnyBitFlipped_NeverThrows()
    {
        using var issued = toyama.Issue();
        var request = new OcspRequestBuilder().Add(toyama.Authority.Certificate, issued.Certificate).WithNonce(new byte[8]).Build();

        // Every bit of every byte: flips inside hashes, serial or nonce still parse (unauthorized, unknown, another
        // nonce echoed); flips in tags and lengths must come back malformedRequest, not an exception.
        for (var position = 0; position < request.Length; position++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var mutated = (byte[])request.Clone();
                mutated[position] ^= (byte)(1 << bit);
                Check(mutated);
            }
        }
    }

    private OcspResponseStatus Check(ReadOnlySpan<byte> input)
    {
        var answer = toyama.Responder.Answer(input);
        Assert.Contains(answer.Status, Defined);

        // The body is a well-formed OCSPResponse whose status is the one reported.
        var reader = new AsnReader(answer.Body, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(answer.Status, reader.ReadEnumeratedValue<OcspResponseStatus>());
        Assert.Equal(answer.Status == OcspResponseStatus.Successful, reader.HasData);
        return answer.Status;
    }

    private static void WriteRandom(AsnWriter writer, Random random, int depth)
    {
        switch (depth > 5 ? random.Next(4, 11) : random.Next(11))
        {
            case 0 or 1 or 2 or 3:
                var tag = random.Next(4) switch
                {
                    0 => Asn1Tag.Sequence,
                    1 => new Asn1Tag(TagClass.ContextSpecific, 0, true),
                    2 => new Asn1Tag(TagClass.ContextSpecific, 2, true),
                    _ => new Asn1Tag(TagClass.ContextSpecific, random.Next(4), true),
                };
                using (writer.PushSequence(tag))
                {
                    for (var i = random.Next(4); i > 0; i--)
                    {
                        WriteRandom(writer, random, depth + 1);
                    }
                }

                break;
            case 4:
                writer.WriteInteger(random.NextInt64(-5, long.MaxValue));
                break;
            case 5:
                writer.WriteOctetString(RandomBytes(random, random.Next(0, 40)));
                break;
            case 6:
                writer.WriteObjectIdentifier(random.Next(3) switch
                {
                    0 => "1.3.14.3.2.26",
                    1 => "1.3.6.1.5.5.7.48.1.2",
                    _ => $"1.2.{random.Next(1000)}",
                });
                break;
            case 7:
                writer.WriteBoolean(random.Next(2) == 0);
                break;
            case 8:
                writer.WriteNull();
                break;
            case 9:
                writer.WriteGeneralizedTime(DateTimeOffset.UnixEpoch.AddSeconds(random.Next()));
                break;
            default:
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, "𠮷" + random.Next());
                break;
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

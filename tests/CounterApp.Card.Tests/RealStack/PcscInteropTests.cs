using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CounterApp.Card.Apdu;
using CounterApp.Card.Client;
using CounterApp.Card.Connection;
using CounterApp.Card.Pcsc;
using CounterApp.Card.Profile;
using CounterApp.Card.Tests.Support;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.Vpcd;

namespace CounterApp.Card.Tests.RealStack;

/// <summary>Our PC/SC interop against a real pcscd with the vpcd driver and the virtual card in its reader.</summary>
[Collection(PcscdGroup.Name)]
public sealed class PcscInteropTests(PcscdFixture pcscd)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public void ListReaders_WhenPcscdRuns_ListsBothVpcdReaders()
    {
        using var context = PcscContext.Establish();

        var readers = context.ListReaders();

        Assert.Contains(PcscdFixture.Reader0, readers);
        Assert.Contains(PcscdFixture.Reader1, readers);
    }

    [Fact]
    public async Task WaitForChange_WhenCardInsertedThenRemoved_ReportsPresentThenEmpty()
    {
        using var context = PcscContext.Establish();
        var before = context.GetStatus([PcscdFixture.Reader1])[0];
        var card = NewCard();

        var insertion = await VpcdClient.InsertAsync(card, "127.0.0.1", pcscd.Port + 1, Wait);
        var inserted = await context.WaitForChangeAsync([before], Wait);
        await insertion.DisposeAsync();
        var removed = await context.WaitForChangeAsync(inserted!, Wait);

        Assert.False(before.IsCardPresent);
        Assert.True(inserted![0].IsCardPresent);
        Assert.Equal(ResidentCardProfile.Atr.ToArray(), inserted[0].Atr);
        Assert.False(removed![0].IsCardPresent);
        Assert.True(removed[0].States.HasFlag(ReaderStates.Empty));
    }

    [Fact]
    public async Task WaitForChange_WhenCancelled_ThrowsOperationCanceled()
    {
        using var context = PcscContext.Establish();
        var now = context.GetStatus([PcscdFixture.Reader1]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => context.WaitForChangeAsync(now, Timeout.InfiniteTimeSpan, cancel.Token));
    }

    [Fact]
    public async Task WaitForChange_WhenNothingHappens_ReturnsNullAfterTheTimeout()
    {
        using var context = PcscContext.Establish();
        var now = context.GetStatus([PcscdFixture.Reader1]);

        var changed = await context.WaitForChangeAsync(now, TimeSpan.FromMilliseconds(150));

        Assert.Null(changed);
    }

    [Fact]
    public async Task Open_WhenCardPresent_ConnectsWithT1AndReadsTheJpkiAtr()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var connection = PcscConnection.Open(inReader.Reader);

        Assert.Equal(ResidentCardProfile.Atr.ToArray(), connection.GetAtr());
    }

    [Fact]
    public void Open_WhenReaderEmpty_FailsWithNoSmartCard()
    {
        var error = Assert.Throws<PcscException>(() => PcscConnection.Open(PcscdFixture.Reader1));

        Assert.Equal(PcscError.NoSmartCard, error.ErrorCode);
    }

    [Fact]
    public async Task Open_WhenAnotherHoldsTheCardExclusively_FailsWithSharingViolation()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var first = PcscConnection.Open(inReader.Reader);

        var error = Assert.Throws<PcscException>(() => PcscConnection.Open(inReader.Reader, PcscShareMode.Shared));

        Assert.Equal(PcscError.SharingViolation, error.ErrorCode);
    }

    [Fact]
    [Trait("Rule", "R-CE-01")]
    public async Task Personalise_ThroughPcsc_TheCardSignsWithTheCertifiedKeyAndNeverShowsThePrivateKey()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        var ca = TestCa.Shared;
        await using var connection = PcscConnection.Open(inReader.Reader);
        var client = new ResidentCardClient(connection);

        byte[] signature;
        X509Certificate2 certificate;
        await using (await connection.BeginTransactionAsync())
        {
            certificate = await Personalisation.RunAsync(client, ca, TestSecrets.Password);
            Assert.True((await client.VerifyPasswordAsync(TestSecrets.Password.AsMemory())).IsVerified);
            Assert.Equal(certificate.RawData, await client.ReadSigningCertificateAsync());
            Assert.Equal(ca.Certificate.RawData, await client.ReadCaCertificateAsync());
            signature = await client.SignDigestInfoAsync(DigestInfo.Create(HashAlgorithmName.SHA256, SHA256.HashData("申請書"u8)));
        }

        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.True(publicKey.VerifyData("申請書"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var channel = new ApduChannel(connection);
        await channel.SendAsync(ResidentCardCommands.SelectEf(ResidentCardProfile.SigningKeyEf));
        Assert.Equal(StatusWord.IncompatibleFileStructure, (await channel.SendAsync(ResidentCardCommands.ReadBinary(0, 256))).StatusWord);
    }

    [Fact]
    public async Task Transmit_WhenAnotherApplicationResetTheCard_ThrowsCardResetOnceAndIssuerAuthenticationIsGone()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var counter = PcscConnection.Open(inReader.Reader, PcscShareMode.Shared, resetOnClose: false);
        var client = new ResidentCardClient(counter);
        await client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);

        await using (PcscConnection.Open(inReader.Reader, PcscShareMode.Shared, resetOnClose: true))
        {
            // another application connects and leaves with a reset
        }

        await Assert.ThrowsAsync<CardResetException>(() => client.SelectApplicationAsync());
        var refused = await Assert.ThrowsAsync<CardCommandException>(() => client.GenerateKeyPairAsync());
        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, refused.StatusWord);
    }

    [Fact]
    public async Task BeginTransaction_WhenCardWasResetSinceTheLastExchange_SaysSo()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var counter = PcscConnection.Open(inReader.Reader, PcscShareMode.Shared, resetOnClose: false);
        await using (var first = await counter.BeginTransactionAsync())
        {
            Assert.False(first.CardWasReset);
        }

        await using (PcscConnection.Open(inReader.Reader, PcscShareMode.Shared, resetOnClose: true))
        {
        }

        await using var second = await counter.BeginTransactionAsync();
        Assert.True(second.CardWasReset);
    }

    [Fact]
    public async Task Transmit_WhenCardRemoved_ThrowsCardRemoved()
    {
        var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var connection = PcscConnection.Open(inReader.Reader);
        await inReader.DisposeAsync();

        await Assert.ThrowsAsync<CardRemovedException>(() => new ResidentCardClient(connection).SelectApplicationAsync());
    }

    [Fact]
    public async Task Transmit_WhenUnsupportedCommandsGoThroughPcscd_AnswersAtOnce()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var connection = PcscConnection.Open(inReader.Reader);

        var instruction = ResponseApdu.Parse(await connection.TransmitAsync(Hex.Bytes("00 CA 01 00 00")));
        var cls = ResponseApdu.Parse(await connection.TransmitAsync(Hex.Bytes("A0 A4 00 00 02 3F 00")));

        Assert.Equal(StatusWord.InstructionNotSupported, instruction.StatusWord);
        Assert.Equal(StatusWord.ClassNotSupported, cls.StatusWord);
    }

    [Fact]
    public async Task Transmit_WhenExtendedLengthApdus_PassThroughPcscdAndVpcd()
    {
        await using var inReader = await CardInReader.InsertAsync(pcscd, NewCard());
        await using var connection = PcscConnection.Open(inReader.Reader);
        var client = new ResidentCardClient(connection);
        await client.AuthenticateIssuerAsync(TestSecrets.MasterSecret);
        await client.SelectApplicationAsync();
        var channel = new ApduChannel(connection);
        await channel.SendAsync(ResidentCardCommands.SelectEf(ResidentCardProfile.CaCertificateEf));

        var write = ResponseApdu.Parse(await connection.TransmitAsync(ResidentCardCommands.UpdateBinary(TestCa.Shared.Certificate.RawData).Encode()));
        var read = ResponseApdu.Parse(await connection.TransmitAsync(ResidentCardCommands.ReadBinary(0, 4096).Encode()));

        Assert.Equal(StatusWord.Success, write.StatusWord);
        Assert.Equal(TestCa.Shared.Certificate.RawData, read.Data.ToArray());
    }

    private static VirtualResidentCard NewCard() =>
        VirtualResidentCard.CreateInMemory(TestSecrets.MasterSecret, TestSecrets.Ascii(TestSecrets.CardPin));
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CounterApp.Domain.Residents;
using CounterApp.ReaderAgent.Readers;
using CounterApp.ReaderAgent.Tests.Support;
using CounterApp.VirtualCard;
using CounterApp.VirtualCard.Vpcd;
using CounterApp.Web.Data;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Features.CardSession;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CounterApp.ReaderAgent.Tests.RealStack;

/// <summary>
/// Issue #5's "done when": the server personalises a card through the real agent (its own PC/SC P/Invoke) → pcscd →
/// vpcd → the virtual card, with the app's own prefectural CA and issuer master secret; once the session ends, OpenSC
/// is the outside client: it reads the certificate the CA issued, signs with the password, and OpenSSL verifies the
/// signature with that certificate and the certificate against the CA certificate the app publishes.
/// </summary>
[Collection(PcscdGroup.Name)]
[Trait("Rule", "R-CE-01")]
public sealed class AgentIssuanceOpenScTests(AgentServer server, PcscdFixture pcscd) : IClassFixture<AgentServer>, IDisposable
{
    private const string CardPin = "2580";

    /// <summary>At least 6 characters: OpenSC's jpki driver refuses shorter passwords.</summary>
    private const string Password = "AGENT2026";

    private const string SigningTokenLabel = "JPKI (Digital Signature PIN)";
    private const string SigningId = "02";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private readonly string _work = Directory.CreateTempSubdirectory("counterapp-agent-opensc-").FullName;

    private static string Pkcs11Module { get; } =
        new[] { "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/aarch64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so" }
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("opensc-pkcs11.so is missing: install package opensc-pkcs11 (./build.sh test installs it).");

    [Fact]
    public async Task CardIssuedThroughTheAgent_IsUsableByOpenSc_AndVerifiableWithOpenSsl()
    {
        RequireTools();
        var counterId = await server.AddCounterAsync("OpenSC counter");
        var code = await server.IssueCodeAsync("opensc-pc", counterId);
        var card = NewCardForTheApp();
        var cardRow = await AddCardRowForDemoResidentAsync(card.Serial);
        var options = new AgentOptions
        {
            Server = server.AgentEndpoint,
            StateDirectory = Path.Combine(Path.GetTempPath(), "counterapp-agent-tests", "opensc-" + Guid.NewGuid().ToString("N")),
            EnrolmentCode = code.Code,
            OperationTimeout = TimeSpan.FromSeconds(30),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReaderPollInterval = TimeSpan.FromSeconds(1),
        };
        var runner = new AgentRunner(options, new PcscReaderSource(options.ReaderPollInterval), NullLogger<AgentRunner>.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);
        try
        {
            await Eventually.TrueAsync(() => Reader(counterId) is { CardPresent: false }, $"the enrolled agent reporting {PcscdFixture.Reader0} (agent {runner.State}, last refusal {runner.LastRefusal})", Wait);
            await using var insertion = await VpcdClient.InsertAsync(card, "127.0.0.1", pcscd.Port, Wait);
            await Eventually.TrueAsync(() => Reader(counterId) is { CardPresent: true }, "the agent reporting the inserted card", Wait);

            // The clerk's issuance: the server drives the card through the agent's session, which ends (reader released) here.
            CardSessionResult result;
            await using (var connection = await server.Registry.OpenCardAtCounterAsync(counterId, PcscdFixture.Reader0))
            {
                await using var scope = server.Services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<CardSessionService>()
                    .IssueAsync(connection, new CardSessionContext("clerk-opensc", "OpenSC counter", cardRow), CardPin.ToCharArray(), Password.ToCharArray());
            }

            Assert.True(result.Succeeded, $"issuance failed at {result.FailedStep}: {result.Message}");
            var issued = await CertificateAsync(result.CertificateSerial!);
            Assert.Equal(cardRow.Id, issued.CardId);

            // OpenSC reads the signing certificate (after the password) and it is the one the CA issued.
            var certificatePem = Path.Combine(_work, "card.pem");
            var read = await RunAsync("pkcs15-tool", "--verify-pin", "--auth-id", SigningId, "--pin", Password, "--read-certificate", SigningId, "--output", certificatePem);
            Assert.True(read.ExitCode == 0, read.All);
            using var onCard = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePem));
            Assert.Equal(issued.Der, onCard.RawData);
            Assert.Equal(issued.Serial.TrimStart('0'), onCard.SerialNumber.TrimStart('0'), ignoreCase: true);

            // pkcs11-tool signs with the password; OpenSSL verifies with the card certificate's public key.
            var data = Path.Combine(_work, "data.txt");
            await File.WriteAllBytesAsync(data, "上市町 窓口 → agent → pcscd → vpcd → card"u8.ToArray());
            var signature = Path.Combine(_work, "data.sig");
            var sign = await RunAsync("pkcs11-tool", "--module", Pkcs11Module, "--token-label", SigningTokenLabel, "--login", "--pin", Password,
                "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", SigningId, "--input-file", data, "--output-file", signature);
            Assert.True(sign.ExitCode == 0, sign.All);
            var publicKeyPem = Path.Combine(_work, "card.pub.pem");
            var extract = await RunAsync("openssl", "x509", "-in", certificatePem, "-pubkey", "-noout", "-out", publicKeyPem);
            Assert.True(extract.ExitCode == 0, extract.All);
            var verified = await RunAsync("openssl", "dgst", "-sha256", "-verify", publicKeyPem, "-signature", signature, data);
            Assert.True(verified.ExitCode == 0, verified.All);
            Assert.Contains("Verified OK", verified.Output);

            // The certificate chains to the CA certificate the app publishes.
            var caPem = await FetchCaCertificatePemAsync();
            var chain = await RunAsync("openssl", "verify", "-CAfile", caPem, certificatePem);
            Assert.True(chain.ExitCode == 0, chain.All);
            Assert.Contains(": OK", chain.Output);
        }
        finally
        {
            await stop.CancelAsync();
            await running.WaitAsync(Wait);
            Directory.Delete(options.StateDirectory, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>A fresh card whose issuer key derives from the app's own master secret (generated in its data folder).</summary>
    private VirtualResidentCard NewCardForTheApp()
    {
        var secret = server.Services.GetRequiredService<IssuerMasterSecret>().Read();
        try
        {
            return VirtualResidentCard.CreateInMemory(secret, Encoding.ASCII.GetBytes(CardPin));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The virtual card as a new active card of a registered demo resident, numbered with the card's serial, which is also its chip serial (R-CA-04).</summary>
    private async Task<ResidentCardRecord> AddCardRowForDemoResidentAsync(string cardNumber)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var demo = await db.ResidentCards.AsNoTracking()
            .Where(c => c.Status == CardStatus.Active && c.ExpiryDate > today.AddMonths(1) && c.Resident!.RegisterStatus == RegisterStatus.Registered)
            .OrderBy(c => c.Id)
            .FirstAsync();
        var row = new ResidentCardRecord
        {
            CardNumber = cardNumber,
            ChipSerial = cardNumber,
            ResidentId = demo.ResidentId,
            IssuingMunicipalityCode = demo.IssuingMunicipalityCode,
            HasPhoto = demo.HasPhoto,
            ExpiryDate = demo.ExpiryDate,
            Status = CardStatus.Active,
        };
        db.ResidentCards.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>The certificate's DER as the one register (the CA's) holds it.</summary>
    private async Task<(string Serial, long CardId, byte[]? Der)> CertificateAsync(string serial)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Certificates.AsNoTracking().Where(c => c.Serial == serial).Select(c => new { c.Serial, c.CardId }).SingleAsync();
        return (row.Serial, row.CardId, await scope.ServiceProvider.GetRequiredService<CounterApp.Web.Applications.CertificateStatuses>().DerAsync(row.Serial));
    }

    /// <summary>GET /ca/toyama.cer from the running app (DER), converted to PEM by OpenSSL for -CAfile.</summary>
    private async Task<string> FetchCaCertificatePemAsync()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = ToolTimeout };
        var der = await http.GetByteArrayAsync(new Uri("/ca/toyama.cer", UriKind.Relative));
        var derPath = Path.Combine(_work, "toyama.cer");
        await File.WriteAllBytesAsync(derPath, der);
        var pem = Path.Combine(_work, "toyama.pem");
        var convert = await RunAsync("openssl", "x509", "-inform", "DER", "-in", derPath, "-out", pem);
        Assert.True(convert.ExitCode == 0, convert.All);
        return pem;
    }

    private Web.Agents.AgentReader? Reader(int counterId) =>
        server.Registry.AtCounter(counterId).SelectMany(a => a.Readers).FirstOrDefault(r => r.Name == PcscdFixture.Reader0);

    /// <summary>Runs an OpenSC or OpenSSL tool against this run's pcscd, with OpenSC's file cache off.</summary>
    private async Task<ToolResult> RunAsync(string tool, params string[] args)
    {
        var conf = Path.Combine(_work, "opensc.conf");
        if (!File.Exists(conf))
        {
            await File.WriteAllTextAsync(conf, "app default {\n  framework pkcs15 {\n    use_file_caching = no;\n  }\n}\n");
        }

        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PCSCLITE_CSOCK_NAME"] = pcscd.SocketPath;
        start.Environment["OPENSC_CONF"] = conf;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish within {ToolTimeout}.");
        }

        return new ToolResult(tool, process.ExitCode, await output, await error);
    }

    private static void RequireTools()
    {
        foreach (var tool in new[] { "/usr/bin/pkcs15-tool", "/usr/bin/pkcs11-tool", "/usr/bin/openssl" })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is missing: install packages opensc and openssl (./build.sh test installs them).");
            }
        }
    }

    private sealed record ToolResult(string Tool, int ExitCode, string Output, string Error)
    {
        public string All => $"{Tool} exited with {ExitCode}:\n{Output}{Error}";
    }
}

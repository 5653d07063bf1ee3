using System.Globalization;

namespace CounterApp.VirtualCard.Cli;

/// <summary>show: one block per card with what it holds; never a PIN, password or private key.</summary>
internal static class ShowCommand
{
    public static readonly IReadOnlySet<string> Options = new HashSet<string>(StringComparer.Ordinal) { "store", "serial" };

    public static int Run(CliOptions options, TextWriter output)
    {
        var store = options.Store();
        var serials = options.Get("serial") is { } one ? [one] : store.ListSerials();
        if (serials.Count == 0)
        {
            output.WriteLine($"no cards in {store.Folder}");
            return 0;
        }

        foreach (var serial in serials)
        {
            var s = store.Open(serial).Summarize();
            var inserted = File.Exists(InsertCommand.MarkerPath(store, serial));
            output.WriteLine($"card {s.Serial}{(inserted ? " (inserted)" : "")}");
            output.WriteLine($"  card PIN      : {s.CardPinTriesLeft} tries left");
            output.WriteLine($"  password      : {(s.PasswordTriesLeft is { } left ? (left == 0 ? "locked" : $"{left} tries left") : "not set")}");
            output.WriteLine($"  signing key   : {(s.PublicKeySha256 is { } h ? $"RSA-2048, public key SHA-256 {h}" : "none")}");
            output.WriteLine($"  certificate   : {(s.SigningCertificateSubject is { } subject ? $"{subject}, valid until {s.SigningCertificateNotAfter!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}" : "none")}");
            output.WriteLine($"  CA certificate: {s.CaCertificateSubject ?? "none"}");
        }

        return 0;
    }
}

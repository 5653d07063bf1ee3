using System.Security.Cryptography;
using System.Text;

namespace CounterApp.VirtualCard.Cli;

/// <summary>
/// create: a new card in the store. The issuer key is derived from the master secret (a file holding it in
/// Base64, at least 32 bytes) and the card's serial; the card PIN is stored only as a salted hash.
/// </summary>
internal static class CreateCommand
{
    public static readonly IReadOnlySet<string> Options = new HashSet<string>(StringComparer.Ordinal) { "store", "serial", "master-secret-file", "pin" };

    public static int Run(CliOptions options, TextWriter output, TextReader input)
    {
        var master = ReadMasterSecret(options.Require("master-secret-file"));
        var pin = Encoding.ASCII.GetBytes(options.Get("pin") ?? input.ReadLine()?.Trim() ?? "");
        try
        {
            var store = options.Store();
            var serial = store.Create(master, pin, options.Get("serial"));
            output.WriteLine(serial);
            return 0;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
            CryptographicOperations.ZeroMemory(pin);
        }
    }

    internal static byte[] ReadMasterSecret(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"{path} does not hold a Base64 master secret.");
        }
    }
}

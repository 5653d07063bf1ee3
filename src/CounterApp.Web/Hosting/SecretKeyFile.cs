using System.Security.Cryptography;
using System.Text;

namespace CounterApp.Web.Hosting;

/// <summary>
/// A 256-bit key kept outside the database as base64 text in an owner-only file (0600 in a 0700 folder on Unix): the
/// document-copy key and the audit checkpoint key. Who holds the key decides what a missing or wrong file means.
/// </summary>
public static class SecretKeyFile
{
    public const int KeySizeInBytes = 32;

    /// <summary>Reads the key; <paramref name="looseMode"/> tells whether group or others may read or write the file.</summary>
    /// <exception cref="InvalidDataException">The file is not base64 text or does not hold a 256-bit key.</exception>
    public static byte[] Read(string path, out bool looseMode)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"The key file {path} is not base64 text; it must hold the 256-bit key written at first start.", e);
        }

        if (key.Length != KeySizeInBytes)
        {
            var bits = key.Length * 8;
            CryptographicOperations.ZeroMemory(key);
            throw new InvalidDataException($"The key file {path} holds {bits} bits; a 256-bit key is required.");
        }

        looseMode = !OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
        return key;
    }

    /// <summary>Creates a new random key file, owner-only; null when another instance created the file first (read that one).</summary>
    public static byte[]? TryCreate(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var key = RandomNumberGenerator.GetBytes(KeySizeInBytes);
        var text = Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n");
        try
        {
            using var stream = new FileStream(path, create);
            stream.Write(text);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            CryptographicOperations.ZeroMemory(key);
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace CounterApp.ReaderAgent.Identity;

/// <summary>
/// The agent's credential in its state folder: <c>agent-key.pem</c> (PKCS#8, the private key) and <c>agent.json</c>
/// (agent id and name). Both are written whole (temporary file, then rename); on Unix the folder is 0700 and the
/// files 0600, on Windows they inherit the (per-user) folder's ACL.
/// </summary>
public sealed class AgentIdentityStore
{
    public const string KeyFileName = "agent-key.pem";
    public const string InfoFileName = "agent.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public AgentIdentityStore(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public string KeyPath => Path.Combine(Folder, KeyFileName);

    public string InfoPath => Path.Combine(Folder, InfoFileName);

    public bool Exists => File.Exists(KeyPath) && File.Exists(InfoPath);

    /// <summary>The stored identity, or null when the agent has not enrolled yet.</summary>
    /// <exception cref="InvalidDataException">The files exist but cannot be read as an identity.</exception>
    public AgentIdentity? Load()
    {
        if (!Exists)
        {
            return null;
        }

        var info = JsonSerializer.Deserialize<StoredInfo>(File.ReadAllBytes(InfoPath))
            ?? throw new InvalidDataException($"{InfoPath} is empty.");
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(KeyPath));
            if (key.KeySize != 256)
            {
                throw new InvalidDataException($"{KeyPath} does not hold a P-256 key.");
            }

            return new AgentIdentity(info.AgentId, info.Name, key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidDataException($"{KeyPath} does not hold a readable private key.", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Writes the credential after the server accepted the enrolment; replaces any earlier one.</summary>
    public void Save(long agentId, string name, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(key);
        EnsureFolder();
        var pem = key.ExportPkcs8PrivateKeyPem();
        WriteWhole(KeyPath, System.Text.Encoding.ASCII.GetBytes(pem));
        var info = new StoredInfo(agentId, name, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        WriteWhole(InfoPath, JsonSerializer.SerializeToUtf8Bytes(info, Indented));
    }

    private static void WriteWhole(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary); // a leftover would keep its old permissions
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private void EnsureFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
            return;
        }

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(Folder))
        {
            Directory.CreateDirectory(Folder, owner);
        }
        else
        {
            // systemd's StateDirectory= makes it 0700 already; a hand-made folder is tightened.
            File.SetUnixFileMode(Folder, owner);
        }
    }

    private sealed record StoredInfo(long AgentId, string Name, string EnrolledAt);
}

using System.Text.Json;
using CounterApp.Card.Issuer;

namespace CounterApp.VirtualCard.State;

/// <summary>
/// A folder of virtual cards, one file per card (<c>&lt;serial&gt;.card.json</c>). Files are written whole
/// (temporary file, then rename) and, on Unix, readable by the owner only (0600; the folder 0700), because
/// they hold the card's private key.
/// </summary>
public sealed class CardStore
{
    private const string Extension = ".card.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public CardStore(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    /// <summary>Creates a new card whose issuer key derives from <paramref name="masterSecret"/>; returns its serial.</summary>
    public string Create(ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> cardPin, string? serial = null)
    {
        serial ??= CardState.NewSerial();
        if (File.Exists(PathOf(serial)))
        {
            throw new InvalidOperationException($"A card {serial} already exists in {Folder}.");
        }

        var state = CardState.CreateNew(serial, IssuerKeyDerivation.DeriveCardKey(masterSecret, serial), cardPin);
        Save(state);
        return serial;
    }

    /// <summary>Loads a card; its state is written back here after every command that changes it.</summary>
    public VirtualResidentCard Open(string serial) => new(Load(serial), Save);

    public IReadOnlyList<string> ListSerials() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*" + Extension).Select(f => Path.GetFileName(f)[..^Extension.Length]).Order(StringComparer.Ordinal).ToArray()
            : [];

    public bool Exists(string serial) => File.Exists(PathOf(serial));

    public string PathOf(string serial)
    {
        if (!CounterApp.Card.Profile.TokenInfo.IsValidSerial(serial))
        {
            throw new ArgumentException("A card serial is 16 upper-case hexadecimal characters.", nameof(serial));
        }

        return Path.Combine(Folder, serial + Extension);
    }

    internal CardState Load(string serial)
    {
        var path = PathOf(serial);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No card {serial} in {Folder}.", path);
        }

        return JsonSerializer.Deserialize<CardState>(File.ReadAllBytes(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    internal void Save(CardState state)
    {
        EnsureFolder();
        var path = PathOf(state.Serial);
        var temporary = path + ".tmp";
        File.Delete(temporary); // a leftover would keep its old permissions
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, state, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private void EnsureFolder()
    {
        if (Directory.Exists(Folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>Section "RegisterSync": how the municipality's register system talks to the counter.</summary>
public sealed class RegisterSyncOptions
{
    public const string Section = "RegisterSync";

    /// <summary>The shortest shared secret accepted; a shorter one is treated as not configured.</summary>
    public const int MinimumApiKeyLength = 32;

    /// <summary>
    /// The shared secret the register system sends (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>).
    /// Unset: the register endpoints refuse every call with 503. Never commit it; set it in the environment
    /// (<c>RegisterSync__ApiKey</c>).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The municipality (全国地方公共団体コード, 6 digits) of imported residents and their cards. Unset: the
    /// municipality of the offices in the database, when they all share one.
    /// </summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>The largest CSV file accepted by the import, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>The largest change event accepted, in bytes.</summary>
    public int MaxEventBytes { get; set; } = 64 * 1024;
}

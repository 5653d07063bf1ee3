using CounterApp.Pki.Custody;
using CounterApp.Web.Data;
using Microsoft.Extensions.Options;

namespace CounterApp.Web.Features.CertificateAuthority;

/// <summary>Checks section "Pki" at start-up, so a bad setting stops the app with the setting named.</summary>
internal sealed class PkiOptionsValidator(IOptions<DatabaseOptions> database) : IValidateOptions<PkiOptions>
{
    public ValidateOptionsResult Validate(string? name, PkiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)
            || !baseUri.AbsolutePath.EndsWith('/') || baseUri.Query.Length > 0)
        {
            failures.Add($"Pki:BaseUrl '{options.BaseUrl}' must be an absolute http(s) URL ending in '/', without a query (e.g. http://pki.example.lg.jp/).");
        }
        else
        {
            try
            {
                options.ToProfile().Validate();
            }
            catch (ArgumentException e)
            {
                // The profile names its own fields; the operator sets Pki:<setting>.
                failures.Add($"Pki:{(e.ParamName == "Id" ? nameof(PkiOptions.AuthorityId) : e.ParamName)}: {e.Message}");
            }
        }

        if (options.KeyPassphrase is { Length: > 0 } passphrase && passphrase.Length < EncryptedPkcs8FileCustody.MinimumPassphraseLength)
        {
            failures.Add($"Pki:KeyPassphrase must have at least {EncryptedPkcs8FileCustody.MinimumPassphraseLength} characters.");
        }

        if (string.IsNullOrEmpty(options.KeyPassphrase) && options.KeyPassphraseFile is { Length: > 0 } file && !File.Exists(file))
        {
            failures.Add($"Pki:KeyPassphraseFile {file} does not exist.");
        }

        if (database.Value.Provider == DatabaseProvider.Postgres && string.IsNullOrEmpty(options.KeyPassphrase) && string.IsNullOrEmpty(options.KeyPassphraseFile))
        {
            failures.Add(
                "Pki:KeyPassphrase (or Pki:KeyPassphraseFile) is required when Database:Provider is Postgres: the CA's private keys are " +
                "encrypted with it. Set it in the environment (Pki__KeyPassphrase) or a secret store, never in a committed file; " +
                "only the embedded SQLite default generates one by itself.");
        }

        if (options.CrlCheckInterval <= TimeSpan.Zero || options.RevocationPollInterval <= TimeSpan.Zero || options.CrlHttpMaxAge < TimeSpan.Zero)
        {
            failures.Add("Pki:CrlCheckInterval and Pki:RevocationPollInterval must be positive, Pki:CrlHttpMaxAge not negative.");
        }

        if (options.CrlCheckInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("Pki:CrlCheckInterval must be at most 5 minutes: a revocation reaches the CRL within that (R-RV-03).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace CounterApp.Web.Features.SignIn;

/// <summary>A one-time code typed on a form (authenticator or recovery code), with a password where one is asked again.</summary>
public sealed class CodeForm
{
    public string? Code { get; set; }

    public string? Password { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace CounterApp.Web.Features.SignIn;

/// <summary>The sign-in form. The password is bound for the one request and never rendered back.</summary>
public sealed class SignInForm
{
    [Required(ErrorMessage = "UserNameRequired")]
    [StringLength(64, ErrorMessage = "UserNameTooLong")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "PasswordRequired")]
    [StringLength(128, ErrorMessage = "PasswordTooLong")]
    public string? Password { get; set; }
}

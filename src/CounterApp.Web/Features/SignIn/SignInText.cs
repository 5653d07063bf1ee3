namespace CounterApp.Web.Features.SignIn;

/// <summary>Text of the sign-in, sign-out, refusal and counter-choice pages (Resources/Features/SignIn/SignInText*.resx).</summary>
public sealed class SignInText;

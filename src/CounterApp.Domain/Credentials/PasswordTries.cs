namespace CounterApp.Domain.Credentials;

/// <summary>
/// R-CA-01: five consecutive wrong passwords lock the certificate; a right one resets the count. The card enforces
/// this itself; the counter uses the same arithmetic to explain "tries left" from the card's 63 Cx answers.
/// </summary>
public readonly record struct PasswordTries(int Left)
{
    public const int Maximum = 5;

    public static PasswordTries Fresh => new(Maximum);

    public bool IsLocked => Left <= 0;

    public PasswordTries Wrong() => new(Math.Max(0, Left - 1));

    public PasswordTries Right() => IsLocked ? this : Fresh;

    /// <summary>Unlocking at the counter resets the password and the count (R-CA-01).</summary>
    public static PasswordTries AfterUnlock() => Fresh;
}

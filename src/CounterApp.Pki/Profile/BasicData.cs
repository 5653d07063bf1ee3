namespace CounterApp.Pki.Profile;

/// <summary>The four basic data items as they stand in a certificate's subjectAltName, in their encoded text form.</summary>
/// <param name="BirthDate">Era code and Gregorian date, e.g. "419900102".</param>
/// <param name="Sex">"1" male, "2" female.</param>
public sealed record BasicData(string Name, string BirthDate, string Sex, string Address);

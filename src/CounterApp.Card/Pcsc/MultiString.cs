namespace CounterApp.Card.Pcsc;

/// <summary>PC/SC multi-strings: names separated by NUL, ended by an empty one.</summary>
internal static class MultiString
{
    public static IReadOnlyList<string> Split(string multi) =>
        multi.Split('\0', StringSplitOptions.RemoveEmptyEntries);
}

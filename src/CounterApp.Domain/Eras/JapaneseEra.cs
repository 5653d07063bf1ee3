namespace CounterApp.Domain.Eras;

/// <summary>A Japanese era (元号) with the first day of its first year, in the Gregorian calendar.</summary>
public sealed record JapaneseEra(string Name, string EnglishName, DateOnly FirstDay)
{
    /// <summary>The modern eras, newest first. Meiji starts at the Gregorian reform (Meiji 6-01-01 = 1873-01-01): earlier dates are out of range.</summary>
    public static IReadOnlyList<JapaneseEra> All { get; } =
    [
        new("令和", "Reiwa", new DateOnly(2019, 5, 1)),
        new("平成", "Heisei", new DateOnly(1989, 1, 8)),
        new("昭和", "Showa", new DateOnly(1926, 12, 25)),
        new("大正", "Taisho", new DateOnly(1912, 7, 30)),
        new("明治", "Meiji", new DateOnly(1868, 1, 25)),
    ];

    /// <summary>The first date this library can express in era form.</summary>
    public static DateOnly Earliest { get; } = new(1873, 1, 1);
}

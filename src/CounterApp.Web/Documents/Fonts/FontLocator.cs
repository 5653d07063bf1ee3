namespace CounterApp.Web.Documents.Fonts;

/// <summary>
/// Finds the Japanese fonts for the PDFs: a configured path wins (and must exist: a typo is an error, not a silent
/// fallback); otherwise IPAex Gothic/Mincho on Debian (fonts-ipaexfont) or Yu Gothic / MS Gothic on Windows.
/// Only TrueType-outline fonts are listed: PDFsharp embeds glyf outlines, not CFF (so no Noto CJK .otf).
/// </summary>
public static class FontLocator
{
    public static IReadOnlyList<FontFile> LinuxGothic { get; } =
    [
        new("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
        new("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"),
        new("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
        new("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
        new("/usr/share/fonts/ipa-gothic/ipag.ttf"),
    ];

    public static IReadOnlyList<FontFile> LinuxMincho { get; } =
    [
        new("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
        new("/usr/share/fonts/truetype/ipaexfont-mincho/ipaexm.ttf"),
        new("/usr/share/fonts/truetype/fonts-japanese-mincho.ttf"),
        new("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf"),
        new("/usr/share/fonts/ipa-mincho/ipam.ttf"),
    ];

    public static IReadOnlyList<FontFile> WindowsGothic(string fontsFolder) =>
    [
        new(Path.Combine(fontsFolder, "YuGothM.ttc")),
        new(Path.Combine(fontsFolder, "YuGothR.ttc")),
        new(Path.Combine(fontsFolder, "msgothic.ttc")),
    ];

    public static IReadOnlyList<FontFile> WindowsMincho(string fontsFolder) =>
    [
        new(Path.Combine(fontsFolder, "yumin.ttf")),
        new(Path.Combine(fontsFolder, "msmincho.ttc")),
    ];

    /// <summary>The fonts for this machine and configuration.</summary>
    /// <exception cref="FontNotFoundException">A configured file is missing, or no Japanese font was found.</exception>
    public static LocatedFonts Locate(DocumentOptions options) =>
        Locate(options, OperatingSystem.IsWindows(), Environment.GetFolderPath(Environment.SpecialFolder.Fonts), File.Exists);

    /// <summary>The search itself, with the machine's facts as inputs (tests pass their own).</summary>
    public static LocatedFonts Locate(DocumentOptions options, bool windows, string windowsFontsFolder, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(exists);
        var gothic = Configured(options.GothicFontPath, options.GothicFontIndex, "Documents:GothicFontPath", exists)
            ?? First(windows ? WindowsGothic(windowsFontsFolder) : LinuxGothic, exists);
        var mincho = Configured(options.MinchoFontPath, options.MinchoFontIndex, "Documents:MinchoFontPath", exists)
            ?? First(windows ? WindowsMincho(windowsFontsFolder) : LinuxMincho, exists);
        if (gothic is null && mincho is null)
        {
            var looked = (windows ? WindowsGothic(windowsFontsFolder).Concat(WindowsMincho(windowsFontsFolder)) : LinuxGothic.Concat(LinuxMincho))
                .Select(f => f.Path);
            throw new FontNotFoundException(
                "No Japanese font for the PDF documents. Install one (Debian: apt-get install fonts-ipaexfont) or set "
                + "Documents:GothicFontPath to a TrueType font file. Looked for: " + string.Join(", ", looked));
        }

        // One face can stand in for the other: a letter in Gothic is still a letter.
        return new LocatedFonts(gothic ?? mincho!, mincho ?? gothic!);
    }

    private static FontFile? Configured(string? path, int index, string key, Func<string, bool> exists)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return exists(path)
            ? new FontFile(path, index)
            : throw new FontNotFoundException($"{key} is set to {path}, which does not exist. Point it at a TrueType font file, or leave it empty and install one (Debian: apt-get install fonts-ipaexfont).");
    }

    private static FontFile? First(IEnumerable<FontFile> candidates, Func<string, bool> exists) =>
        candidates.FirstOrDefault(f => exists(f.Path));
}

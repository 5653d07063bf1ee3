using CounterApp.Web.Documents;
using CounterApp.Web.Documents.Fonts;

namespace CounterApp.Web.Tests.Documents;

public sealed class FontTests
{
    [Fact]
    public void Locate_WhenDebianWithIpaex_FindsGothicAndMincho()
    {
        var fonts = FontLocator.Locate(new DocumentOptions());

        Assert.EndsWith("ipaexg.ttf", fonts.Gothic.Path);
        Assert.EndsWith("ipaexm.ttf", fonts.Mincho.Path);
    }

    [Fact]
    public void Locate_WhenPathConfigured_TheConfiguredPathWins()
    {
        var options = new DocumentOptions { GothicFontPath = "/opt/fonts/town.ttf", MinchoFontPath = "/opt/fonts/town-m.ttc", MinchoFontIndex = 1 };

        var fonts = FontLocator.Locate(options, windows: false, string.Empty, _ => true);

        Assert.Equal(new FontFile("/opt/fonts/town.ttf"), fonts.Gothic);
        Assert.Equal(new FontFile("/opt/fonts/town-m.ttc", 1), fonts.Mincho);
    }

    [Fact]
    public void Locate_WhenConfiguredPathMissing_FailsNamingTheSetting()
    {
        var error = Assert.Throws<FontNotFoundException>(() =>
            FontLocator.Locate(new DocumentOptions { GothicFontPath = "/nowhere/x.ttf" }, windows: false, string.Empty, _ => false));

        Assert.Contains("Documents:GothicFontPath", error.Message);
        Assert.Contains("/nowhere/x.ttf", error.Message);
    }

    [Fact]
    public void Locate_WhenNoFontAnywhere_FailsSayingWhatToInstallAndWhereItLooked()
    {
        var error = Assert.Throws<FontNotFoundException>(() => FontLocator.Locate(new DocumentOptions(), windows: false, string.Empty, _ => false));

        Assert.Contains("fonts-ipaexfont", error.Message);
        Assert.Contains("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", error.Message);
    }

    [Fact]
    public void Locate_WhenWindows_PrefersYuGothicThenMsGothic()
    {
        var present = new HashSet<string> { Path.Combine("C:/Windows/Fonts", "msgothic.ttc"), Path.Combine("C:/Windows/Fonts", "msmincho.ttc") };

        var fonts = FontLocator.Locate(new DocumentOptions(), windows: true, "C:/Windows/Fonts", present.Contains);

        Assert.EndsWith("msgothic.ttc", fonts.Gothic.Path);
        Assert.EndsWith("msmincho.ttc", fonts.Mincho.Path);
    }

    [Fact]
    public void Locate_WhenOnlyGothic_UsesItForMinchoToo()
    {
        var fonts = FontLocator.Locate(new DocumentOptions(), windows: false, string.Empty, p => p.EndsWith("ipaexg.ttf", StringComparison.Ordinal));

        Assert.Equal(fonts.Gothic, fonts.Mincho);
    }

    [Fact]
    public void CharacterMap_WhenIpaexGothic_CoversJapaneseButNotTheRareVariant()
    {
        var map = FontCharacterMap.Read(FontLocator.Locate(new DocumentOptions()).Gothic);

        Assert.True(map.Count > 10_000);
        Assert.All("上市町令和髙橋剱〓ABC123", c => Assert.True(map.Covers(c), $"{c}"));
        Assert.False(map.Covers(0x20BB7));
    }

    [Fact]
    public void Collection_WhenFontsPackedAsTtc_ReadsAndExtractsEachFace()
    {
        var located = FontLocator.Locate(new DocumentOptions());
        var gothic = File.ReadAllBytes(located.Gothic.Path);
        var mincho = File.ReadAllBytes(located.Mincho.Path);
        var ttc = TtcOf(gothic, mincho);

        var face1 = TrueTypeCollection.Face(ttc, 1);

        Assert.Equal(FontCharacterMap.Read(mincho).Count, FontCharacterMap.Read(ttc, 1).Count);
        Assert.Equal(FontCharacterMap.Read(mincho).Count, FontCharacterMap.Read(face1).Count);
        Assert.Equal(FontCharacterMap.Read(gothic).Count, FontCharacterMap.Read(TrueTypeCollection.Face(ttc, 0)).Count);
        Assert.Same(gothic, TrueTypeCollection.Face(gothic, 0));
    }

    [Fact]
    public void Renderer_WhenFontsRegisteredTwice_UsesOneResolverForTheProcess()
    {
        var first = DocumentFonts.Load(new DocumentOptions());
        var second = DocumentFonts.Load(new DocumentOptions { GothicFontPath = FontLocator.Locate(new DocumentOptions()).Mincho.Path });

        Assert.Same(first.Mincho, second.Gothic);
        Assert.NotEqual(first.Gothic.FamilyName, second.Gothic.FamilyName);
    }

    // A TrueType collection of two fonts: the header, then each font's table directory and tables, offsets rebased.
    private static byte[] TtcOf(byte[] a, byte[] b)
    {
        var result = new List<byte>();
        result.AddRange("ttcf"u8.ToArray());
        result.AddRange([0, 1, 0, 0, 0, 0, 0, 2]);
        result.AddRange(new byte[8]);
        var offsets = new List<int>();
        foreach (var font in new[] { a, b })
        {
            var start = result.Count;
            offsets.Add(start);
            var copy = (byte[])font.Clone();
            var tables = (copy[4] << 8) | copy[5];
            for (var i = 0; i < tables; i++)
            {
                var at = 12 + (16 * i) + 8;
                var offset = (copy[at] << 24) | (copy[at + 1] << 16) | (copy[at + 2] << 8) | copy[at + 3];
                var moved = offset + start;
                copy[at] = (byte)(moved >> 24);
                copy[at + 1] = (byte)(moved >> 16);
                copy[at + 2] = (byte)(moved >> 8);
                copy[at + 3] = (byte)moved;
            }

            result.AddRange(copy);
            while (result.Count % 4 != 0)
            {
                result.Add(0);
            }
        }

        var bytes = result.ToArray();
        for (var i = 0; i < 2; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12 + (4 * i)), offsets[i]);
        }

        return bytes;
    }
}

namespace CounterApp.Web.Documents.Fonts;

/// <summary>A font file and, for a TrueType collection (.ttc), the face within it.</summary>
public sealed record FontFile(string Path, int CollectionIndex = 0)
{
    public override string ToString() => CollectionIndex == 0 ? Path : $"{Path} (face {CollectionIndex})";
}

/// <summary>The two faces the documents use.</summary>
public sealed record LocatedFonts(FontFile Gothic, FontFile Mincho);

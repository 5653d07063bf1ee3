using System.Text;
using System.Text.RegularExpressions;
using CounterApp.Web.Data;
using CounterApp.Web.Features.RegisterSync;

namespace CounterApp.Web.Features.Residents;

/// <summary>What a search string was taken for.</summary>
public enum ResidentQueryKind
{
    /// <summary>11 digits: 住民票コード, exact.</summary>
    ResidentCode,

    /// <summary>A date in Gregorian or era form: birth date, exact.</summary>
    BirthDate,

    /// <summary>Letters and digits as on a resident card: card number, exact.</summary>
    CardNumber,

    /// <summary>Anything else: part of the name or its kana, width- and kana-insensitive.</summary>
    Name,
}

/// <summary>A clerk's search string, read: its kind and the value to look for (folded for a name, a date for a birth date).</summary>
public sealed partial record ResidentQuery(ResidentQueryKind Kind, string Value, DateOnly? BirthDate = null)
{
    /// <summary>Longer input is refused (a name and its kana fit well inside; the search key column holds 400).</summary>
    public const int MaxLength = 64;

    /// <summary>The query, or null with a message naming the field and the rule.</summary>
    public static ResidentQuery? Parse(string? input, out string? error)
    {
        error = null;
        var text = (input ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length == 0)
        {
            error = ResidentText.Format("QueryRequired");
            return null;
        }

        if (text.Length > MaxLength)
        {
            error = ResidentText.Format("QueryTooLong", MaxLength, text.Length);
            return null;
        }

        var compact = Spaces().Replace(text, string.Empty);
        if (ResidentCode.IsWellFormed(compact))
        {
            return new ResidentQuery(ResidentQueryKind.ResidentCode, compact);
        }

        switch (BirthDateText.TryParse(compact, out var birth))
        {
            case BirthDateText.Shape.Date:
                return new ResidentQuery(ResidentQueryKind.BirthDate, compact, birth);
            case BirthDateText.Shape.Impossible:
                error = ResidentText.Format("QueryBadDate", text);
                return null;
        }

        if (CardNumber().IsMatch(compact))
        {
            return new ResidentQuery(ResidentQueryKind.CardNumber, compact);
        }

        var folded = ResidentSearchKey.Fold(text);
        if (folded.Length == 0)
        {
            error = ResidentText.Format("QueryRequired");
            return null;
        }

        return new ResidentQuery(ResidentQueryKind.Name, folded);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // As the register accepts card numbers (ASCII letters, digits, '-'), with at least one digit so a romanised name is still a name.
    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CardNumber();
}

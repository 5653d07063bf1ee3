using CounterApp.Domain.Residents;

namespace CounterApp.Pki.Profile;

/// <summary>
/// Who a signing certificate is about: the municipality of registration and the four basic data items (R-CE-02),
/// exactly as the resident register has them. Text is kept as given: no normalisation, no substitution of characters
/// outside JIS X 0208 (𠮷, 髙 stay themselves in UTF-8).
/// </summary>
/// <param name="Municipality">The municipality's name (e.g. 上市町), the subject's L.</param>
/// <param name="Name">氏名 as registered, family and given name separated by U+3000.</param>
/// <param name="Address">住所 from the prefecture on, as registered.</param>
public sealed record CertificateSubject(string Municipality, string Name, DateOnly BirthDate, Sex Sex, string Address)
{
    /// <summary>The longest text item accepted (characters): far above any real name or address, well below a DoS.</summary>
    public const int MaxLength = 256;

    /// <summary>The subject of a resident registered in <paramref name="municipalityName"/>.</summary>
    public static CertificateSubject From(Resident resident, string municipalityName)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return new(municipalityName, resident.FullName, resident.BirthDate, resident.Sex, resident.Address);
    }

    /// <summary>Refuses blank, over-long, control-character or broken-surrogate text, naming the field.</summary>
    public void Validate()
    {
        CheckText(Municipality, nameof(Municipality));
        CheckText(Name, nameof(Name));
        CheckText(Address, nameof(Address));
        if (!Enum.IsDefined(Sex))
        {
            throw new ArgumentException($"Sex '{Sex}' is not a value of the register.", nameof(Sex));
        }
    }

    private static void CheckText(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be blank.", field);
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{field} is longer than {MaxLength} characters.", field);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"{field} contains a control character at position {i}.", field);
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"{field} contains a broken surrogate pair at position {i}; it cannot be UTF-8.", field);
            }
        }
    }
}

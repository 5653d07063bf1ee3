using System.Security.Cryptography;
using System.Text;

namespace CounterApp.Web.Agents;

/// <summary>
/// One-time enrolment codes: 20 characters of Crockford's Base32 (100 random bits) in groups of four, e.g.
/// <c>7K3M-Q9XD-2HVA-TR4B-8NWC</c>, easy to read out and type. Only the SHA-256 of the normalised code is stored;
/// the code is strong enough that a fast hash suffices.
/// </summary>
public static class EnrolmentCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 20;

    public static string NewCode()
    {
        var code = new StringBuilder(Length + 4);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                code.Append('-');
            }

            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }

        return code.ToString();
    }

    /// <summary>Upper case, without dashes and spaces; O, I and L read as 0, 1 and 1 (Crockford).</summary>
    public static string Normalise(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normal = new StringBuilder(code.Length);
        foreach (var c in code.ToUpperInvariant())
        {
            switch (c)
            {
                case '-' or ' ':
                    continue;
                case 'O':
                    normal.Append('0');
                    break;
                case 'I' or 'L':
                    normal.Append('1');
                    break;
                default:
                    normal.Append(c);
                    break;
            }
        }

        return normal.ToString();
    }

    /// <summary>The stored form: lower-case hex SHA-256 of the normalised code (64 characters).</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));
}

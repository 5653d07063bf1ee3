using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CounterApp.Domain.Residents;
using CounterApp.Domain.Revocation;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>A refused event body: the JSON field at fault ("newValues.address") and the Japanese reason.</summary>
public sealed record RegisterEventProblem(string Field, string Message);

/// <summary>
/// Reads a change event's JSON strictly: unknown fields, fields the kind does not use, missing required fields and
/// badly formed values are each refused with the field's name (R-X-03), so an integration mistake shows at once.
/// </summary>
public static partial class RegisterEventParser
{
    public const int EventIdMaxLength = 100;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly string[] TopLevel = ["eventId", "kind", "residentCode", "occurredAt", "cardNumber", "newValues"];

    private static readonly Dictionary<RegisterEventKind, (string[] Required, string[] Optional)> ValuesByKind = new()
    {
        [RegisterEventKind.NameChanged] = (["familyName", "givenName"], ["familyNameKana", "givenNameKana"]),
        [RegisterEventKind.AddressChanged] = (["address"], ["ward"]),
        [RegisterEventKind.SexChanged] = (["sex"], []),
        [RegisterEventKind.BirthDateChanged] = (["birthDate"], []),
        [RegisterEventKind.MovedOut] = ([], []),
        [RegisterEventKind.Died] = ([], []),
        [RegisterEventKind.CardReplaced] = ([], ["newCardNumber", "newCardHasPhoto", "newCardExpiryDate", "newCardChipSerial"]),
        [RegisterEventKind.CardReturned] = ([], []),
    };

    public static bool TryParse(ReadOnlyMemory<byte> body, out RegisterChangeEvent? change, out RegisterEventProblem? problem)
    {
        change = null;
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            // JsonDocument reads bytes lazily: invalid UTF-8 inside a string would only throw later, as an unexpected error.
            problem = new RegisterEventProblem("body", RegisterValues.Message("EventNotUtf8"));
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            problem = Read(document.RootElement, out change);
        }
        catch (JsonException)
        {
            problem = new RegisterEventProblem("body", RegisterValues.Message("EventNotJson"));
        }

        return problem is null;
    }

    private static RegisterEventProblem? Read(JsonElement root, out RegisterChangeEvent? change)
    {
        change = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new("body", RegisterValues.Message("EventNotObject"));
        }

        if (Unknown(root, TopLevel, string.Empty) is { } unknown)
        {
            return unknown;
        }

        if (String(root, "eventId", out var eventId) is { } p1)
        {
            return p1;
        }

        if (eventId!.Length > EventIdMaxLength || eventId.Any(char.IsControl))
        {
            return new("eventId", RegisterValues.Message("EventIdFormat", "eventId", EventIdMaxLength));
        }

        if (String(root, "kind", out var kindText) is { } p2)
        {
            return p2;
        }

        if (!KindPattern().IsMatch(kindText!) || !Enum.TryParse<RegisterEventKind>(kindText, ignoreCase: true, out var kind))
        {
            return new("kind", RegisterValues.Message("EventKindUnknown", "kind", string.Join(", ", Enum.GetNames<RegisterEventKind>())));
        }

        if (String(root, "residentCode", out var codeText) is { } p3)
        {
            return p3;
        }

        if (RegisterValues.ResidentCodeOf("residentCode", codeText, out var residentCode) is { } codeError)
        {
            return new("residentCode", codeError);
        }

        if (String(root, "occurredAt", out var occurredText) is { } p4)
        {
            return p4;
        }

        if (!OffsetPattern().IsMatch(occurredText!)
            || !DateTimeOffset.TryParse(occurredText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurredAt))
        {
            return new("occurredAt", RegisterValues.Message("OccurredAtFormat", "occurredAt"));
        }

        var cardEvent = kind is RegisterEventKind.CardReplaced or RegisterEventKind.CardReturned;
        string? cardNumber = null;
        if (root.TryGetProperty("cardNumber", out var cardElement) && cardElement.ValueKind != JsonValueKind.Null)
        {
            if (!cardEvent)
            {
                return new("cardNumber", RegisterValues.Message("FieldNotForKind", "cardNumber", kind));
            }

            if (cardElement.ValueKind != JsonValueKind.String)
            {
                return new("cardNumber", RegisterValues.Message("TypeString", "cardNumber"));
            }

            if (RegisterValues.CardNumberOf("cardNumber", cardElement.GetString(), out var number) is { } cardError)
            {
                return new("cardNumber", cardError);
            }

            cardNumber = number;
        }
        else if (cardEvent)
        {
            return new("cardNumber", RegisterValues.Message("Required", "cardNumber"));
        }

        var problem = ReadValues(root, kind, out var values);
        if (problem is not null)
        {
            return problem;
        }

        change = new RegisterChangeEvent(eventId, kind, residentCode, occurredAt, cardNumber, values!, string.Empty);
        change = change with { Payload = Canonical(change) };
        return null;
    }

    private static RegisterEventProblem? ReadValues(JsonElement root, RegisterEventKind kind, out RegisterNewValues? values)
    {
        values = null;
        var (required, optional) = ValuesByKind[kind];
        JsonElement element = default;
        var present = root.TryGetProperty("newValues", out element) && element.ValueKind != JsonValueKind.Null;
        if (!present)
        {
            if (required.Length > 0)
            {
                return new("newValues", RegisterValues.Message("Required", "newValues." + required[0]));
            }

            values = new RegisterNewValues();
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return new("newValues", RegisterValues.Message("TypeObject", "newValues"));
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!required.Contains(property.Name, StringComparer.Ordinal) && !optional.Contains(property.Name, StringComparer.Ordinal))
            {
                var field = "newValues." + property.Name;
                var known = ValuesByKind.Values.Any(v => v.Required.Contains(property.Name, StringComparer.Ordinal) || v.Optional.Contains(property.Name, StringComparer.Ordinal));
                return new(field, known ? RegisterValues.Message("FieldNotForKind", field, kind) : RegisterValues.Message("FieldUnknown", field));
            }
        }

        foreach (var name in required)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return new("newValues." + name, RegisterValues.Message("Required", "newValues." + name));
            }
        }

        var reader = new ValueReader(element);
        values = kind switch
        {
            RegisterEventKind.NameChanged => new RegisterNewValues(
                FamilyName: reader.Text("familyName", RegisterValues.NameMaxLength),
                GivenName: reader.Text("givenName", RegisterValues.NameMaxLength),
                FamilyNameKana: reader.Kana("familyNameKana"),
                GivenNameKana: reader.Kana("givenNameKana")),
            RegisterEventKind.AddressChanged => new RegisterNewValues(
                Address: reader.Text("address", RegisterValues.AddressMaxLength),
                HasWard: element.TryGetProperty("ward", out _),
                Ward: reader.OptionalText("ward", RegisterValues.WardMaxLength)),
            RegisterEventKind.SexChanged => new RegisterNewValues(Sex: reader.SexValue("sex")),
            RegisterEventKind.BirthDateChanged => new RegisterNewValues(BirthDate: reader.Date("birthDate")),
            RegisterEventKind.CardReplaced => reader.NewCard(),
            _ => new RegisterNewValues(),
        };
        return reader.Problem;
    }

    private static RegisterEventProblem? Unknown(JsonElement element, string[] allowed, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                return new(prefix + property.Name, RegisterValues.Message("FieldUnknown", prefix + property.Name));
            }
        }

        return null;
    }

    private static RegisterEventProblem? String(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return new(name, RegisterValues.Message("Required", name));
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return new(name, RegisterValues.Message("TypeString", name));
        }

        value = element.GetString()!.Trim();
        return value.Length == 0 ? new(name, RegisterValues.Message("Required", name)) : null;
    }

    // What is stored and compared on redelivery: the parsed values, in a fixed order, the instant in UTC.
    private static string Canonical(RegisterChangeEvent change)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", change.EventId);
            writer.WriteString("kind", change.Kind.ToString());
            writer.WriteString("residentCode", change.ResidentCode);
            writer.WriteString("occurredAt", change.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            if (change.CardNumber is { } card)
            {
                writer.WriteString("cardNumber", card);
            }

            var v = change.NewValues;
            writer.WriteStartObject("newValues");
            void Text(string name, string? value)
            {
                if (value is not null)
                {
                    writer.WriteString(name, value);
                }
            }

            Text("familyName", v.FamilyName);
            Text("givenName", v.GivenName);
            Text("familyNameKana", v.FamilyNameKana);
            Text("givenNameKana", v.GivenNameKana);
            Text("address", v.Address);
            if (v.HasWard)
            {
                writer.WriteString("ward", v.Ward);
            }

            Text("sex", v.Sex?.ToString());
            Text("birthDate", v.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Text("newCardNumber", v.NewCardNumber);
            if (v.NewCardHasPhoto is { } photo)
            {
                writer.WriteBoolean("newCardHasPhoto", photo);
            }

            Text("newCardExpiryDate", v.NewCardExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Text("newCardChipSerial", v.NewCardChipSerial);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex KindPattern();

    // ISO 8601 with an explicit offset: an instant without one would be read in the server's zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();

    /// <summary>Reads newValues fields, keeping the first problem.</summary>
    private sealed class ValueReader(JsonElement values)
    {
        private static readonly string[] NewCardFields = ["newCardNumber", "newCardHasPhoto", "newCardExpiryDate", "newCardChipSerial"];

        public RegisterEventProblem? Problem { get; private set; }

        public string? Text(string name, int maxLength) =>
            Read(name, raw => (RegisterValues.Text(Field(name), raw, maxLength, out var value), value));

        public string? OptionalText(string name, int maxLength) =>
            Read(name, raw => (RegisterValues.OptionalText(Field(name), raw, maxLength, out var value), value));

        public string? Kana(string name) =>
            Read(name, raw => (RegisterValues.Kana(Field(name), raw, out var value), value));

        public Sex? SexValue(string name) =>
            Read<Sex?>(name, raw => (RegisterValues.SexOf(Field(name), raw, out var value), value));

        public DateOnly? Date(string name) =>
            Read<DateOnly?>(name, raw => (RegisterValues.Date(Field(name), raw, out var value), value));

        public RegisterNewValues NewCard()
        {
            var given = NewCardFields
                .Where(n => values.TryGetProperty(n, out var e) && e.ValueKind != JsonValueKind.Null).ToList();
            if (given.Count > 0 && given.Count < NewCardFields.Length)
            {
                var missing = NewCardFields.First(n => !given.Contains(n));
                Problem = new(Field(missing), RegisterValues.Message("Required", Field(missing)));
                return new RegisterNewValues();
            }

            if (given.Count == 0)
            {
                return new RegisterNewValues();
            }

            return new RegisterNewValues(
                NewCardNumber: Read("newCardNumber", raw => (RegisterValues.CardNumberOf(Field("newCardNumber"), raw, out var value), value)),
                NewCardHasPhoto: Flag("newCardHasPhoto"),
                NewCardExpiryDate: Date("newCardExpiryDate"),
                NewCardChipSerial: Read("newCardChipSerial", raw => (RegisterValues.ChipSerialOf(Field("newCardChipSerial"), raw, out var value), value)));
        }

        private bool? Flag(string name)
        {
            if (Problem is not null || !values.TryGetProperty(name, out var element))
            {
                return null;
            }

            if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return element.GetBoolean();
            }

            Problem = new(Field(name), RegisterValues.Message("TypeBoolean", Field(name)));
            return null;
        }

        private T? Read<T>(string name, Func<string?, (string? Error, T Value)> check)
        {
            if (Problem is not null || !values.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return default;
            }

            if (element.ValueKind != JsonValueKind.String)
            {
                Problem = new(Field(name), RegisterValues.Message("TypeString", Field(name)));
                return default;
            }

            var (error, value) = check(element.GetString());
            if (error is not null)
            {
                Problem = new(Field(name), error);
                return default;
            }

            return value;
        }

        private static string Field(string name) => "newValues." + name;
    }
}

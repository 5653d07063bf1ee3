using CounterApp.Domain.Residents;

namespace CounterApp.Web.Features.RegisterSync;

/// <summary>One resident as the register states it, validated.</summary>
internal sealed record RegisterRow(
    int Line,
    string ResidentCode,
    string FamilyName,
    string GivenName,
    string FamilyNameKana,
    string GivenNameKana,
    DateOnly BirthDate,
    Sex Sex,
    string Address,
    string? Ward,
    bool HasWardColumn,
    RegisterStatus Status,
    RegisterCardRow? Card,
    bool? IsAdultWard);

/// <summary>The resident's current card as the register states it, with its chip serial (R-CA-04).</summary>
internal sealed record RegisterCardRow(string Number, bool HasPhoto, DateOnly ExpiryDate, string ChipSerial);

/// <summary>Reads one CSV record into a <see cref="RegisterRow"/>, collecting every broken field (not just the first).</summary>
internal sealed class RegisterRowReader(IReadOnlyDictionary<RegisterCsvColumn, (int Index, string Header)> columns, DateOnly today)
{
    public RegisterRow? Read(CsvRecord record, List<RegisterImportError> errors)
    {
        var before = errors.Count;
        string? Raw(RegisterCsvColumn column) => columns.TryGetValue(column, out var at) ? record.Fields[at.Index] : null;
        void Check(RegisterCsvColumn column, string? error)
        {
            if (error is not null)
            {
                errors.Add(new RegisterImportError(record.Line, columns[column].Header, error));
            }
        }

        string Label(RegisterCsvColumn column) => columns[column].Header;

        Check(RegisterCsvColumns.ResidentCode, RegisterValues.ResidentCodeOf(Label(RegisterCsvColumns.ResidentCode), Raw(RegisterCsvColumns.ResidentCode), out var code));
        Check(RegisterCsvColumns.FamilyName, RegisterValues.Text(Label(RegisterCsvColumns.FamilyName), Raw(RegisterCsvColumns.FamilyName), RegisterValues.NameMaxLength, out var family));
        Check(RegisterCsvColumns.GivenName, RegisterValues.Text(Label(RegisterCsvColumns.GivenName), Raw(RegisterCsvColumns.GivenName), RegisterValues.NameMaxLength, out var given));
        Check(RegisterCsvColumns.FamilyNameKana, RegisterValues.Kana(Label(RegisterCsvColumns.FamilyNameKana), Raw(RegisterCsvColumns.FamilyNameKana), out var familyKana));
        Check(RegisterCsvColumns.GivenNameKana, RegisterValues.Kana(Label(RegisterCsvColumns.GivenNameKana), Raw(RegisterCsvColumns.GivenNameKana), out var givenKana));
        var birthError = RegisterValues.Date(Label(RegisterCsvColumns.BirthDate), Raw(RegisterCsvColumns.BirthDate), out var birthDate);
        Check(RegisterCsvColumns.BirthDate, birthError ?? (birthDate > today ? RegisterValues.Message("BirthDateInFuture", Label(RegisterCsvColumns.BirthDate)) : null));
        Check(RegisterCsvColumns.Sex, RegisterValues.SexOf(Label(RegisterCsvColumns.Sex), Raw(RegisterCsvColumns.Sex), out var sex));
        Check(RegisterCsvColumns.Address, RegisterValues.Text(Label(RegisterCsvColumns.Address), Raw(RegisterCsvColumns.Address), RegisterValues.AddressMaxLength, out var address));
        string? ward = null;
        if (columns.ContainsKey(RegisterCsvColumns.Ward))
        {
            Check(RegisterCsvColumns.Ward, RegisterValues.OptionalText(Label(RegisterCsvColumns.Ward), Raw(RegisterCsvColumns.Ward), RegisterValues.WardMaxLength, out ward));
        }

        Check(RegisterCsvColumns.Status, RegisterValues.StatusOf(Label(RegisterCsvColumns.Status), Raw(RegisterCsvColumns.Status), out var status));
        var card = ReadCard(errors, Raw, Check, Label);
        bool? adultWard = null;
        if (columns.ContainsKey(RegisterCsvColumns.AdultWard))
        {
            Check(RegisterCsvColumns.AdultWard, RegisterValues.Flag(Label(RegisterCsvColumns.AdultWard), Raw(RegisterCsvColumns.AdultWard), out var isAdultWard));
            adultWard = isAdultWard;
        }

        return errors.Count > before
            ? null
            : new RegisterRow(record.Line, code, family, given, familyKana, givenKana, birthDate, sex, address, ward,
                columns.ContainsKey(RegisterCsvColumns.Ward), status, card, adultWard);
    }

    // The card columns go together: a number needs the photo flag, the expiry and the chip serial; no number, none.
    private static RegisterCardRow? ReadCard(
        List<RegisterImportError> errors,
        Func<RegisterCsvColumn, string?> raw,
        Action<RegisterCsvColumn, string?> check,
        Func<RegisterCsvColumn, string> label)
    {
        if (string.IsNullOrWhiteSpace(raw(RegisterCsvColumns.CardNumber)))
        {
            foreach (var column in new[] { RegisterCsvColumns.CardHasPhoto, RegisterCsvColumns.CardExpiry, RegisterCsvColumns.CardChipSerial })
            {
                if (!string.IsNullOrWhiteSpace(raw(column)))
                {
                    check(column, RegisterValues.Message("CardValueWithoutNumber", label(column), label(RegisterCsvColumns.CardNumber)));
                }
            }

            return null;
        }

        var before = errors.Count;
        check(RegisterCsvColumns.CardNumber, RegisterValues.CardNumberOf(label(RegisterCsvColumns.CardNumber), raw(RegisterCsvColumns.CardNumber), out var number));
        check(RegisterCsvColumns.CardHasPhoto, RegisterValues.Flag(label(RegisterCsvColumns.CardHasPhoto), raw(RegisterCsvColumns.CardHasPhoto), out var hasPhoto));
        check(RegisterCsvColumns.CardExpiry, RegisterValues.Date(label(RegisterCsvColumns.CardExpiry), raw(RegisterCsvColumns.CardExpiry), out var expiry));
        check(RegisterCsvColumns.CardChipSerial, RegisterValues.ChipSerialOf(label(RegisterCsvColumns.CardChipSerial), raw(RegisterCsvColumns.CardChipSerial), out var chipSerial));
        return errors.Count > before ? null : new RegisterCardRow(number, hasPhoto, expiry, chipSerial);
    }
}

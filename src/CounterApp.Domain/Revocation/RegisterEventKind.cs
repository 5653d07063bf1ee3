namespace CounterApp.Domain.Revocation;

/// <summary>Events from the resident register and the card system that end a certificate (R-RV-02).</summary>
public enum RegisterEventKind
{
    NameChanged,
    AddressChanged,
    SexChanged,
    BirthDateChanged,
    MovedOut,
    Died,
    CardReplaced,
    CardReturned,
}

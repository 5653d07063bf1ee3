namespace CounterApp.Card.Pcsc;

/// <summary>SCARD_SHARE_*: exclusive keeps every other application away from the card while connected.</summary>
public enum PcscShareMode : uint
{
    Exclusive = 1,
    Shared = 2,
}

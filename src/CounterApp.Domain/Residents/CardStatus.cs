namespace CounterApp.Domain.Residents;

/// <summary>The resident card's own status (R-EL-02). Expiry is judged from the card's expiry date, not stored here.</summary>
public enum CardStatus
{
    /// <summary>交付済み・有効.</summary>
    Active,

    /// <summary>返納: the card was returned to the municipality.</summary>
    Returned,

    /// <summary>一時停止: use suspended (e.g. reported lost).</summary>
    Suspended,

    /// <summary>再交付により廃止: replaced by a new card.</summary>
    Replaced,
}

namespace CounterApp.Domain.Residents;

/// <summary>The resident's entry in the municipality's resident register (住民基本台帳).</summary>
public enum RegisterStatus
{
    /// <summary>住民登録あり: may apply (R-EL-01).</summary>
    Registered,

    /// <summary>転出: moved out of the municipality.</summary>
    MovedOut,

    /// <summary>死亡: deceased.</summary>
    Deceased,
}

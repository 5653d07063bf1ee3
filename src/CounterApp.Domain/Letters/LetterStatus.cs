namespace CounterApp.Domain.Letters;

/// <summary>The inquiry letter's life (R-VI-04).</summary>
public enum LetterStatus
{
    /// <summary>作成済み・未送付.</summary>
    Prepared,

    /// <summary>郵送済み: usable until its validity ends.</summary>
    Mailed,

    /// <summary>使用済み: the second visit took place.</summary>
    Used,

    /// <summary>宛先不明で返戻.</summary>
    ReturnedUndeliverable,

    /// <summary>再発行により無効.</summary>
    Superseded,

    /// <summary>有効期限切れ (closed by the expiry job).</summary>
    Expired,

    /// <summary>取下げにより無効: the application was cancelled before the second visit.</summary>
    Cancelled,
}

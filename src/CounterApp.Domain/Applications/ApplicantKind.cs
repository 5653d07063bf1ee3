namespace CounterApp.Domain.Applications;

/// <summary>Who stands at the counter.</summary>
public enum ApplicantKind
{
    /// <summary>本人.</summary>
    InPerson,

    /// <summary>代理人.</summary>
    Proxy,
}

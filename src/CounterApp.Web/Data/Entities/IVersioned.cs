namespace CounterApp.Web.Data.Entities;

/// <summary>
/// Rows two clerks may edit at once (residents, cards, applications, ledger days): the version is the optimistic
/// concurrency token, raised on every save, so the second writer gets a conflict instead of overwriting.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

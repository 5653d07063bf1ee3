using CounterApp.Domain.Applications;

namespace CounterApp.Web.Data.Entities;

/// <summary>One step of an application's state history (never a PIN or password in the note).</summary>
public sealed class ApplicationStateChange
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>Order within the application, from 1.</summary>
    public int Sequence { get; set; }

    public ApplicationState FromState { get; set; }

    public ApplicationState ToState { get; set; }

    public DateTime At { get; set; }

    public required string By { get; set; }

    public string? Note { get; set; }
}

namespace CounterApp.Domain.Documents;

/// <summary>Whose document it is: the resident the application is for, or the proxy standing at the counter.</summary>
public enum DocumentHolder
{
    Resident,
    Proxy,
}

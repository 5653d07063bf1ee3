namespace CounterApp.Domain.Residents;

/// <summary>Sex as recorded in the resident register; one of the four basic data items in the certificate.</summary>
public enum Sex
{
    Male,
    Female,
}

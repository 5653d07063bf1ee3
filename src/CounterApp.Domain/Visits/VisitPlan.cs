namespace CounterApp.Domain.Visits;

/// <summary>Whether the certificate can be issued at this visit or needs the inquiry letter and a second visit.</summary>
public enum VisitPlan
{
    /// <summary>即日発行 (R-VI-01).</summary>
    SameDay,

    /// <summary>照会書を郵送し、2回目の来庁で発行 (R-VI-02, R-VI-03).</summary>
    TwoVisits,
}

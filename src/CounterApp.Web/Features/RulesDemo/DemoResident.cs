using CounterApp.Domain.Certificates;
using CounterApp.Domain.Residents;

namespace CounterApp.Web.Features.RulesDemo;

/// <summary>A resident with their newest card and active certificate, as the rules see them.</summary>
public sealed record DemoResident(Resident Resident, ResidentCard Card, Certificate? Certificate);

using System.Reflection;
using CounterApp.Domain.Applications;
using CounterApp.Web.Data;
using NetArchTest.Rules;

namespace CounterApp.Web.Tests.Architecture;

/// <summary>
/// ARCHITECTURE.md's shape, checked on the compiled assemblies (NetArchTest): the Domain is pure (no I/O, no
/// framework, no other CounterApp assembly), and feature folders do not lean on one another both ways.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Features = "CounterApp.Web.Features.";

    /// <summary>
    /// Feature pairs that still depend on each other both ways (issue 13 found 10). Each is debt: the test fails when a
    /// new pair appears, and also when a listed pair is gone, so the list only shrinks.
    /// </summary>
    private static readonly string[] KnownTwoWayPairs =
    [
        "Administration<->DocumentCopies",
        "Administration<->InquiryLetters",
        "Administration<->RulesDemo",
        "Approvals<->Issuance",
        "CancelApplication<->Issuance",
        "CancelApplication<->Residents",
        "Counters<->SignIn",
        "InquiryLetters<->Issuance",
        "Issuance<->SecondVisit",
        "Issuance<->Voids",
        "Receipts<->Residents",
        "SignIn<->StaffAccounts",
    ];

    private static readonly Assembly Web = typeof(CounterDbContext).Assembly;

    [Fact]
    public void Domain_WhenCompiled_DependsOnNoFrameworkNoStorageAndNoOtherCounterAppAssembly()
    {
        var result = Types.InAssembly(typeof(Application).Assembly)
            .ShouldNot()
            .HaveDependencyOnAny(
                "CounterApp.Web", "CounterApp.Pki", "CounterApp.Card", "CounterApp.VirtualCard", "CounterApp.ReaderAgent",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Net.Http", "System.Data", "System.IO.File")
            .GetResult();

        Assert.True(result.IsSuccessful, "The Domain depends on: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void FeatureFolders_WhenCompiled_HaveNoNewTwoWayDependency()
    {
        var features = Web.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith(Features, StringComparison.Ordinal))
            .Select(n => n![Features.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var uses = features.ToDictionary(f => f, f => features.Where(other => other != f && Depends(f, other)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var pairs = features
            .SelectMany(a => uses[a].Where(b => string.CompareOrdinal(a, b) < 0 && uses[b].Contains(a)).Select(b => $"{a}<->{b}"))
            .ToList();

        Assert.True(features.Count > 10, "the feature folders were found");
        Assert.True(KnownTwoWayPairs.Order(StringComparer.Ordinal).SequenceEqual(pairs.Order(StringComparer.Ordinal)), "two-way pairs now: " + string.Join(", ", pairs.Select(p => $"\"{p}\"")));
    }

    private static bool Depends(string feature, string other) =>
        !Types.InAssembly(Web).That().ResideInNamespaceStartingWith(Features + feature + ".").Or().ResideInNamespace(Features + feature)
            .ShouldNot().HaveDependencyOn(Features + other)
            .GetResult().IsSuccessful;
}

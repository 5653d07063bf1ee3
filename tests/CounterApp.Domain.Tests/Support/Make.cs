using CounterApp.Domain.Applications;
using CounterApp.Domain.Certificates;
using CounterApp.Domain.Documents;
using CounterApp.Domain.Fees;
using CounterApp.Domain.Residents;

namespace CounterApp.Domain.Tests.Support;

/// <summary>
/// Small builders for the Applications, Fees, Credentials, CardServices and Revocation tests: every value is a
/// sensible default that a test overrides only where the rule under test looks.
/// </summary>
internal static class Make
{
    public const string ResidentCode = "12345678901";
    public const string CardNumber = "0000111122223333";
    public const string OtherCardNumber = "0000999988887777";
    public const string Clerk = "clerk-sato";
    public const string Supervisor = "supervisor-tanaka";

    /// <summary>The counter's "today" in most tests: Friday 20 November 2026.</summary>
    public static readonly DateOnly Today = new(2026, 11, 20);

    /// <summary>A moment on <see cref="Today"/> in Tokyo time (+09:00).</summary>
    public static DateTimeOffset At(int hour, int minute = 0) => At(Today, hour, minute);

    /// <summary>A moment on a given day in Tokyo time (+09:00).</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(9));

    public static Application Received(Procedure procedure, ApplicantKind applicant = ApplicantKind.InPerson) =>
        Application.Receive(Guid.NewGuid(), procedure, applicant, ResidentCode, At(9), Clerk);

    public static ReceiptNumber Receipt(long sequence = 1, string office = "001", int fiscalYear = 2026) =>
        new(office, fiscalYear, sequence);

    /// <summary>A 500-yen payment for the procedure (issuance or renewal), taken by <see cref="Clerk"/>.</summary>
    public static Payment Payment(Procedure procedure = Procedure.NewIssuance, long sequence = 1, DateTimeOffset? at = null, bool newResidentCard = false) =>
        new(Receipt(sequence), FeeRules.LinesFor(procedure, newResidentCard, FeeSchedule.Default), Clerk, at ?? At(10));

    public static PaymentVoid Void(
        PaymentVoidKind kind = PaymentVoidKind.Void,
        string reason = "カードへの書き込みに失敗",
        string requestedBy = Clerk,
        string approvedBy = Supervisor,
        DateTimeOffset? at = null) =>
        new(kind, reason, requestedBy, approvedBy, at ?? At(11));

    public static ResidentCard Card(
        bool hasPhoto = true,
        DateOnly? expiry = null,
        CardStatus status = CardStatus.Active,
        string cardNumber = CardNumber) =>
        new(cardNumber, ResidentCode, "162019", hasPhoto, expiry ?? new DateOnly(2030, 3, 31), status);

    public static PresentedIdentityDocument Document(
        string typeCode = "passport",
        DocumentHolder holder = DocumentHolder.Resident,
        DateOnly? expiresOn = null,
        bool addressMatches = true,
        DateOnly? issuedOn = null) =>
        new(typeCode, holder, issuedOn ?? new DateOnly(2022, 4, 1), expiresOn ?? new DateOnly(2031, 4, 1), addressMatches);

    public static Certificate Certificate(
        string serial = "0A1B2C",
        CertificateStatus status = CertificateStatus.Active,
        bool locked = false,
        string cardNumber = CardNumber,
        DateOnly? issuedOn = null,
        DateOnly? expiresOn = null) =>
        new(serial, cardNumber, issuedOn ?? new DateOnly(2025, 6, 1), expiresOn ?? new DateOnly(2028, 6, 1), status, locked);
}

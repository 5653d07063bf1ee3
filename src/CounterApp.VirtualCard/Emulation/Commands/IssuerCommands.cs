using System.Security.Cryptography;
using CounterApp.Card.Apdu;
using CounterApp.Card.Issuer;
using CounterApp.Card.Profile;

namespace CounterApp.VirtualCard.Emulation.Commands;

/// <summary>
/// GET CHALLENGE (16 fresh random bytes) and EXTERNAL AUTHENTICATE (that challenge under the card's issuer key,
/// compared in constant time). A challenge serves one attempt, right or wrong.
/// </summary>
internal static class IssuerCommands
{
    public static ResponseApdu GetChallenge(CardCore card, CommandApdu command)
    {
        if (command.P1P2 != 0)
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (command.Ne < ResidentCardProfile.ChallengeLength || !command.Data.IsEmpty)
        {
            return CardCore.Status(StatusWord.WrongLength);
        }

        card.Session.ForgetChallenge();
        card.Session.Challenge = RandomNumberGenerator.GetBytes(ResidentCardProfile.ChallengeLength);
        return CardCore.Ok(card.Session.Challenge.ToArray());
    }

    public static ResponseApdu ExternalAuthenticate(CardCore card, CommandApdu command)
    {
        if (command.P1P2 != 0)
        {
            return CardCore.Status(StatusWord.IncorrectP1P2);
        }

        if (command.Data.Length != ResidentCardProfile.ChallengeLength)
        {
            return CardCore.Status(StatusWord.WrongLength);
        }

        if (card.Session.Challenge is not { } challenge)
        {
            return CardCore.Status(StatusWord.ConditionsNotSatisfied);
        }

        var valid = IssuerCryptogram.Verify(card.State.IssuerKey, challenge, command.Data.Span);
        card.Session.ForgetChallenge();
        card.Session.IssuerAuthenticated = valid;
        return CardCore.Status(valid ? StatusWord.Success : StatusWord.AuthenticationFailed);
    }
}

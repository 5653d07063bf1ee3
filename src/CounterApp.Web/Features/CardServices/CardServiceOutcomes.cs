using CounterApp.Web.Features.CardSession;

namespace CounterApp.Web.Features.CardServices;

internal static class CardServiceOutcomes
{
    /// <summary>The card session's result as the page shows it: done, or try again (with the tries left after a wrong password).</summary>
    public static CardServiceResult From(CardSessionResult session) =>
        session.Succeeded ? CardServiceResult.Done(session.Message) : CardServiceResult.Retry(session.Message, session.TriesLeft);
}

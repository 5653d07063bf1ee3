using System.Net;
using System.Net.Sockets;

namespace CounterApp.TestSupport.Pcsc;

internal static class FreePorts
{
    /// <summary>A TCP port p with p + 1 also free: vpcd listens on one port per reader slot.</summary>
    public static int Pair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Any, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            if (port >= IPEndPoint.MaxPort)
            {
                continue;
            }

            try
            {
                using var second = new TcpListener(IPAddress.Any, port + 1);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException)
            {
                // taken; try another pair
            }
        }

        throw new InvalidOperationException("No free pair of TCP ports for vpcd.");
    }
}

using System.Net;
using System.Net.Sockets;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>Ports on 127.0.0.1 for the servers the tests start.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now: the system picks it, and it is released at once for the caller's server.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace AniPlanner.Api.Authentication;

/// <summary>Where a request came from, as authentication throttling counts it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address, or the /64 of an IPv6 one: a subscriber is usually given a whole /64, so
    /// moving within it must not escape a limit.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}

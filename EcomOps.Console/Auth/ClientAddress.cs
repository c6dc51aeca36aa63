using System.Net;
using System.Net.Sockets;

namespace EcomOps.Console.Auth;

/// <summary>Who a request counts against in the per-client limits: its IP address.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's IPv4 address, or the /64 network of an IPv6 address (one subscriber usually holds a whole /64, so a
    /// single address would let one client spread over billions of partitions).
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
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

using System.Net;
using Monitor.Web.Security;

namespace Monitor.Web.Health;

/// <summary>Who may read health details (paths, messages): signed-in admins, and for /health/ready callers on this machine.</summary>
public static class HealthExposure
{
    public static bool IsAdmin(HttpContext context) => context.User.IsInRole(Roles.Admin);

    /// <summary>
    /// A direct call from the loopback address. A request carrying forwarding headers came through a proxy on this machine
    /// on behalf of someone else, so it does not count as local.
    /// </summary>
    public static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote)) return false;
        var headers = context.Request.Headers;
        return !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Real-IP");
    }
}

using Hangfire.Dashboard;

namespace Monitor.Web.Security;

/// <summary>Lets only signed-in admins into the Hangfire dashboard at /hangfire.</summary>
public sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}

namespace Monitor.Web.Security;

/// <summary>The three roles: planner reads, analyst also exports and acknowledges, admin does everything.</summary>
public static class Roles
{
    public const string Planner = "planner";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Planner, Analyst, Admin];
}

/// <summary>Authorization policy names used by pages, API endpoints and the job dashboard.</summary>
public static class Policies
{
    /// <summary>Any signed-in user (planner, analyst, admin).</summary>
    public const string Read = "read";

    /// <summary>Analysts and admins: exports, acknowledging alerts, subscriptions, API keys.</summary>
    public const string Analyst = "analyst";

    /// <summary>Admins only: users, the Hangfire dashboard, running jobs.</summary>
    public const string Admin = "admin";

    /// <summary>Authentication schemes accepted by the API: the dashboard cookie or an API key.</summary>
    public const string ApiSchemes = "Cookies,ApiKey";

    public static IServiceCollection AddMonitorPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.RequireRole(Roles.Planner, Roles.Analyst, Roles.Admin))
            .AddPolicy(Analyst, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .Services;
}

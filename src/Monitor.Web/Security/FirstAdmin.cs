using System.Security.Cryptography;

namespace Monitor.Web.Security;

/// <summary>
/// Makes sure an admin exists at start-up: from MONITOR_ADMIN_USER / MONITOR_ADMIN_PASSWORD, or else with a random
/// password printed once to the console. The repository holds no default password.
/// </summary>
public sealed class FirstAdmin(UserStore users, IConfiguration configuration, ILogger<FirstAdmin> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.AnyAdmin()) return Task.CompletedTask;
        var userName = configuration["MONITOR_ADMIN_USER"] is { Length: > 0 } name ? name : "admin";
        var password = configuration["MONITOR_ADMIN_PASSWORD"];
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = RandomPassword();
        // A weak MONITOR_ADMIN_PASSWORD stops the start: an admin account with a guessable password is worse than none.
        if (PasswordPolicy.Problem(userName, password) is { } problem)
            throw new InvalidOperationException($"MONITOR_ADMIN_PASSWORD is refused: {problem.En}");

        if (users.Find(userName) is null) users.Create(userName, password!, Roles.Admin, userName);
        else
        {
            users.SetRole(userName, Roles.Admin);
            users.SetPassword(userName, password!);
            users.SetDisabled(userName, false);
        }
        if (generated) Console.WriteLine($"monitor: first admin '{userName}' created with password {password} (shown once; change it on the Users page)");
        logger.LogInformation("first admin {User} created", userName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string RandomPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
}

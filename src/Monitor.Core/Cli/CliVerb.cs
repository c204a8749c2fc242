using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Cli;

/// <summary>
/// One registered verb: how to define it on the command line and how to create it from the host's services. Registered
/// as a singleton instance, so the command line can read every module's verbs from the service collection before the
/// host is built (see <see cref="ICliCommand"/> for the pattern).
/// </summary>
public sealed class CliVerb(Func<Command> define, Func<IServiceProvider, ICliCommand> create)
{
    private readonly Lazy<string> _name = new(() => define().Name);

    public string Name => _name.Value;

    /// <summary>A fresh definition: each parse builds its own tree, so one command line never changes another's.</summary>
    public Command Define() => define();

    public ICliCommand Create(IServiceProvider services) => create(services);

    /// <summary>The registration of <typeparamref name="T"/>, created through the container's constructor injection.</summary>
    public static CliVerb Of<T>() where T : class, ICliVerb => new(T.Define, ActivatorUtilities.GetServiceOrCreateInstance<T>);

    /// <summary>Parses <paramref name="args"/> (the words after the verb) and runs the verb; for tests and notebooks.</summary>
    /// <exception cref="CommandLineException">The arguments do not fit the verb's definition.</exception>
    public Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter? error = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = CommandLineArgs.Parse(Define(), args, error);
        return Create(services).RunAsync(parsed, output, cancellationToken);
    }
}

/// <summary>Registration of command-line verbs by the modules.</summary>
public static class CliVerbServiceCollectionExtensions
{
    /// <summary>Adds the verb <typeparamref name="T"/> to the <c>monitor</c> command line.</summary>
    public static IServiceCollection AddCliVerb<T>(this IServiceCollection services) where T : class, ICliVerb =>
        services.AddCliVerb(Cli.CliVerb.Of<T>());

    /// <summary>Adds a verb built at run time (e.g. one per job, see <see cref="RunJobCommand"/>).</summary>
    public static IServiceCollection AddCliVerb(this IServiceCollection services, CliVerb verb) => services.AddSingleton(verb);

    /// <summary>The verbs registered so far, read without building the container.</summary>
    public static IReadOnlyList<CliVerb> CliVerbs(this IServiceCollection services) =>
        [.. services.Select(d => d.ServiceType == typeof(CliVerb) ? d.ImplementationInstance as CliVerb : null).OfType<CliVerb>()];

    /// <summary>The registered verb named <paramref name="name"/>.</summary>
    public static CliVerb GetCliVerb(this IServiceProvider services, string name) =>
        services.GetServices<CliVerb>().FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"no verb '{name}' is registered");
}

using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IxBrowser.LocalApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IIxBrowserClient"/> as a typed client of IHttpClientFactory.</summary>
public static class IxBrowserServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIxBrowserClient"/> with options set in code. Options are validated at
    /// startup (with a host) or when the client is first resolved.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="IxBrowserClientOptions"/>; defaults apply without it.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    // RS0027 asks optional parameters to sit on the longest overload. This signature is the documented one
    // (services.AddIxBrowserClient() with or without a delegate), and the IConfiguration overload differs by
    // type, so calls bind unambiguously.
#pragma warning disable RS0027
    public static IHttpClientBuilder AddIxBrowserClient(this IServiceCollection services, Action<IxBrowserClientOptions>? configure = null)
#pragma warning restore RS0027
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<IxBrowserClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Registers <see cref="IIxBrowserClient"/> with options bound from a configuration section (for example <c>"IxBrowser"</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="IxBrowserClientOptions"/> properties.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddIxBrowserClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<IxBrowserClientOptions>().Bind(configuration);
        services.AddSingleton<IValidateOptions<IxBrowserClientOptions>>(new ConfigurationTimeSpanValidator(configuration));
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IxBrowserClientOptions>, IxBrowserClientOptionsValidator>());
        services.AddOptions<IxBrowserClientOptions>().ValidateOnStart();

        // One pipeline per application: the concurrency limit must hold across the transient typed clients.
        services.TryAddSingleton(provider => new IxBrowserCallPipeline(
            provider.GetRequiredService<IOptions<IxBrowserClientOptions>>().Value,
            provider.GetService<ILogger<IxBrowserClient>>()));

        return services
            .AddHttpClient<IIxBrowserClient, IxBrowserClient>((http, provider) => new IxBrowserClient(
                http,
                provider.GetRequiredService<IxBrowserCallPipeline>(),
                provider.GetService<ILogger<IxBrowserClient>>()))
            // The pipeline's per-attempt timeout governs; HttpClient's default 100 s would cut across retries.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // Never follows a redirect: it would send proxy passwords and extraction links to the Location's host.
            .ConfigurePrimaryHttpMessageHandler(IxBrowser.LocalApi.Transport.IxBrowserHttp.CreateHandler);
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// An in-process simulator of the ixBrowser Local API, on a free loopback port. It serves every
/// operation of the spec it embeds (the one the client is generated from), with state: profiles,
/// groups, tags, proxies, proxy tags and traffic packages, seeded with the ids of the docs' examples
/// (profiles 161 and 1575, custom proxies 24330 and 24320, purchased proxy 1, traffic package 6,
/// proxy tags 14, 117, 118 and 182, groups 1 and 169, profile tags 169 and 14152). It records every
/// request (the latest <see cref="IxBrowserSimulatorOptions.RecordedRequestLimit"/>) and can inject
/// faults. Built on WireMock.Net.
/// </summary>
/// <example>
/// <code>
/// using var simulator = IxBrowserSimulator.Start();
/// await simulator.Client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "rotated" });
/// Assert.Equal("rotated", simulator.GetProxy(24330)!.Note);
/// </code>
/// </example>
public sealed class IxBrowserSimulator : IDisposable
{
    /// <summary>The path of the API-extraction operation.</summary>
    public const string ExtractionPath = IxBrowserClient.UpdateProfileProxyForApiExtractionPath;

    /// <summary>The path of the proxy-update operation.</summary>
    public const string ProxyUpdatePath = IxBrowserClient.UpdateProxyPath;

    /// <summary>The profile the docs' example uses, present at start.</summary>
    public const long DocsProfileId = 161;

    /// <summary>The simulated account's login password, which transfer codes are confirmed with (the docs' example's).</summary>
    public const string AccountPassword = "123456";

    /// <summary>The custom proxy the docs' example uses, present at start.</summary>
    public const long DocsProxyId = 24330;

    private static readonly Lazy<SpecRules> Rules = new(SpecRules.Load);

    private readonly SimulatorStore _store = new();
    private readonly SimulatorHttpHost _host;
    private readonly RequestLog _log;
    private readonly HttpClient _httpClient;
    private readonly SimulatedBrowsers _browsers;

    private IxBrowserSimulator(IxBrowserSimulatorOptions options)
    {
        options.Validate();
        _log = new RequestLog(options.RecordedRequestLimit);
        _browsers = new SimulatedBrowsers(options);
        var registry = OperationRegistry.ForAllHandlers(Rules.Value, _store, _browsers, Faults);
        DocsSeed.Apply(_store);
        _host = new SimulatorHttpHost(options.ListenAddress?.GetLeftPart(UriPartial.Authority) ?? "http://127.0.0.1:0", registry, Faults, _log, options.MaxRequestBodyBytes, _store);
        BaseAddress = _host.BaseAddress;
        _httpClient = new HttpClient();

        // A new app at this address: what clients learned about an earlier one (a freed port reused) does not apply.
        IxBrowserClient.ResetSharedGate(BaseAddress);
        Client = CreateClient();
    }

    /// <summary>The operationIds the simulator has a behaviour of its own for (the rest answer their success example), sorted.</summary>
    public static IReadOnlyList<string> StatefulOperations => OperationRegistry.ForAllHandlers(Rules.Value, new SimulatorStore()).Stateful;

    /// <summary>The address to send requests to, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client with default options, pointed at the simulator.</summary>
    public IxBrowserClient Client { get; }

    /// <summary>Faults to inject into the next answers.</summary>
    public SimulatorFaults Faults { get; } = new();

    /// <summary>The latest requests received on API paths, oldest first (at most <see cref="IxBrowserSimulatorOptions.RecordedRequestLimit"/>).</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedRequests => _log.Recent();

    /// <summary>How many requests were received on API paths since the start, including those no longer in <see cref="ReceivedRequests"/>.</summary>
    public long ReceivedRequestCount => _log.Total;

    /// <summary>How many connections clients opened to API paths (a client that pools its connections opens few).</summary>
    public int ConnectionsOpened => _host.ConnectionsOpened;

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxRequestsInFlight => _host.MaxRequestsInFlight;

    /// <summary>How many requests are being answered now.</summary>
    public int RequestsInFlight => _host.RequestsInFlight;

    /// <summary>The custom and purchased proxies, by id.</summary>
    public IReadOnlyList<SimulatedProxy> Proxies => _store.List(s => s.Proxies);

    /// <summary>The profiles, by id.</summary>
    public IReadOnlyList<SimulatedProfile> Profiles => _store.List(s => s.Profiles);

    /// <summary>The proxy tags, by id.</summary>
    public IReadOnlyList<SimulatedTag> ProxyTags => _store.List(s => s.ProxyTags);

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <returns>The running simulator; dispose it to stop.</returns>
    public static IxBrowserSimulator Start() => new(new IxBrowserSimulatorOptions());

    /// <summary>
    /// Starts a simulator that listens at <paramref name="listenAddress"/>, for example
    /// <c>http://127.0.0.1:53200</c> (ixBrowser's own address, for code that cannot be pointed elsewhere).
    /// </summary>
    /// <param name="listenAddress">An http address with a port and no path.</param>
    /// <returns>The running simulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The address is not an http root address.</exception>
    /// <exception cref="SimulatorAddressInUseException">Another program listens there.</exception>
    public static IxBrowserSimulator Start(Uri listenAddress) =>
        new(new IxBrowserSimulatorOptions { ListenAddress = listenAddress ?? throw new ArgumentNullException(nameof(listenAddress)) });

    /// <summary>
    /// Starts a simulator whose opens must start a real browser: fails at once, saying how to install
    /// Chromium, when the machine has none (rather than every open answering 2011 later).
    /// </summary>
    /// <param name="options">The settings; defaults if null.</param>
    /// <returns>The running simulator.</returns>
    /// <exception cref="InvalidOperationException">No Chromium was found.</exception>
    public static IxBrowserSimulator StartWithBrowser(IxBrowserSimulatorOptions? options = null)
    {
        var simulator = Start(options ?? new IxBrowserSimulatorOptions());
        if (simulator.ChromiumPath is null)
        {
            simulator.Dispose();
            throw new InvalidOperationException(ChromiumLocator.MissingBrowserHint);
        }

        return simulator;
    }

    /// <summary>Starts a simulator with <paramref name="options"/>.</summary>
    /// <param name="options">Where to listen, how many requests to keep, the request size limit.</param>
    /// <returns>The running simulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="SimulatorAddressInUseException">Another program listens at the address.</exception>
    public static IxBrowserSimulator Start(IxBrowserSimulatorOptions options) => new(options ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>A consistent copy of everything the simulator holds.</summary>
    /// <returns>The state, for example to save as JSON.</returns>
    public SimulatorState ExportState() => _store.Export();

    /// <summary>Replaces everything the simulator holds with <paramref name="state"/>, once it is valid.</summary>
    /// <param name="state">The state, for example read from JSON.</param>
    /// <exception cref="ArgumentException">A list or record is null, an id is below 1, repeated in a list, or leaves no room for creates; the message names each bad record and nothing is imported.</exception>
    public void ImportState(SimulatorState state) => _store.Import(state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>
    /// Stops the simulator in order: no new requests are taken (they answer 1004, "try again later"),
    /// the requests in flight finish (for up to 30 seconds), then nothing may change the state. Every
    /// write a client was told succeeded is in the state returned.
    /// </summary>
    /// <returns>The final state.</returns>
    public SimulatorState StopAndExport()
    {
        _host.Stop(TimeSpan.FromSeconds(30));
        _store.Freeze();
        return _store.Export();
    }

    /// <summary>Creates a client pointed at the simulator (it shares one HttpClient with the others).</summary>
    /// <param name="configure">Sets options; <see cref="IxBrowserClientOptions.BaseAddress"/> is the simulator's.</param>
    /// <returns>A new client.</returns>
    public IxBrowserClient CreateClient(Action<IxBrowserClientOptions>? configure = null)
    {
        var options = new IxBrowserClientOptions { BaseAddress = BaseAddress };
        configure?.Invoke(options);
        return new IxBrowserClient(_httpClient, options);
    }

    /// <summary>Adds or replaces a proxy.</summary>
    /// <param name="proxy">The proxy.</param>
    public void AddProxy(SimulatedProxy proxy) => _store.Put(proxy ?? throw new ArgumentNullException(nameof(proxy)));

    /// <summary>Adds or replaces a profile with default settings.</summary>
    /// <param name="id">The profile id.</param>
    public void AddProfile(long id) => _store.Put(new SimulatedProfile { Id = id });

    /// <summary>Adds or replaces a profile.</summary>
    /// <param name="profile">The profile.</param>
    public void AddProfile(SimulatedProfile profile) => _store.Put(profile ?? throw new ArgumentNullException(nameof(profile)));

    /// <summary>Adds or replaces a profile group.</summary>
    /// <param name="group">The group.</param>
    public void AddGroup(SimulatedGroup group) => _store.Put(group ?? throw new ArgumentNullException(nameof(group)));

    /// <summary>Adds or replaces a profile tag.</summary>
    /// <param name="tag">The tag.</param>
    public void AddProfileTag(SimulatedTag tag) => _store.PutProfileTag(tag ?? throw new ArgumentNullException(nameof(tag)));

    /// <summary>Adds or replaces a proxy tag.</summary>
    /// <param name="tag">The tag.</param>
    public void AddProxyTag(SimulatedTag tag) => _store.PutProxyTag(tag ?? throw new ArgumentNullException(nameof(tag)));

    /// <summary>Adds or replaces a traffic package.</summary>
    /// <param name="package">The package.</param>
    public void AddTrafficPackage(SimulatedTrafficPackage package) => _store.Put(package ?? throw new ArgumentNullException(nameof(package)));

    /// <summary>The proxy with this id, or null.</summary>
    /// <param name="id">The proxy id.</param>
    /// <returns>The proxy as stored now.</returns>
    public SimulatedProxy? GetProxy(long id) => _store.Find(s => s.Proxies, id);

    /// <summary>The profile with this id, or null.</summary>
    /// <param name="id">The profile id.</param>
    /// <returns>The profile as stored now.</returns>
    public SimulatedProfile? GetProfile(long id) => _store.Find(s => s.Profiles, id);

    /// <summary>
    /// The Chromium that profile-open starts, or <see langword="null"/> when none was found (opens then
    /// answer 2011 with a message that says how to install it).
    /// </summary>
    public string? ChromiumPath => _browsers.ChromiumPath;

    /// <summary>How many browsers the simulator runs now.</summary>
    public int RunningBrowserCount => _browsers.RunningCount;

    /// <summary>
    /// Marks the profile open with no browser behind it, as the app is left after a crash: opening it
    /// answers 111003 and the opened list shows it, but the API's opened list (with addresses) does
    /// not, until profile-open-state-reset clears the mark.
    /// </summary>
    /// <param name="profileId">The profile.</param>
    public void MarkProfileOpenWithoutBrowser(long profileId) => _browsers.MarkStale(profileId);

    /// <summary>Stops the server and ends every browser it started.</summary>
    public void Dispose()
    {
        _host.Dispose();
        _browsers.Dispose();
        _httpClient.Dispose();
    }
}

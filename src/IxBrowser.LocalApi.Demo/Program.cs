using System;
using System.CommandLine;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IxBrowser.LocalApi;
using IxBrowser.LocalApi.Demo;
using IxBrowser.LocalApi.Testing;

var baseUrl = new Option<string?>("--base-url")
{
    Description = "Talk to a real ixBrowser at this address (normally http://127.0.0.1:53200) instead of the built-in simulator. " +
                  "ixBrowser must be running and logged in; the demo then really changes the profile and proxy you name.",
};
var profileId = new Option<long>("--profile-id") { Description = "Profile to switch to API extraction.", DefaultValueFactory = _ => 161 };
var proxyId = new Option<long>("--proxy-id") { Description = "Custom proxy to update.", DefaultValueFactory = _ => 24330 };
var missingProxyId = new Option<long>("--missing-proxy-id") { Description = "A proxy id that does not exist, for the call that is meant to fail (error 2002).", DefaultValueFactory = _ => 999_999_999 };
var extractionUrl = new Option<string?>("--extraction-url")
{
    Description = "The provider's extraction link for the profile (required with --base-url; it is masked in the output because it usually holds an API key).",
};
var proxyType = new Option<ProxyType>("--proxy-type") { Description = "Protocol of the extracted proxy.", DefaultValueFactory = _ => ProxyType.Socks5 };
var proxyPort = new Option<string>("--proxy-port") { Description = "New port for the custom proxy.", DefaultValueFactory = _ => "57426" };
var proxyPassword = new Option<string?>("--proxy-password") { Description = "New password for the custom proxy (masked in the output). Omit to leave the password as it is." };
var note = new Option<string>("--note") { Description = "New note for the custom proxy.", DefaultValueFactory = _ => "rotated by IxBrowser.LocalApi.Demo" };
var allowRemote = new Option<bool>("--allow-remote-host") { Description = "Allow plain http to a --base-url that is not this machine (credentials then cross the network in clear text)." };

var root = new RootCommand(
    "Runs both ixBrowser Local API proxy operations and one failing call, and shows what was sent and what came back (secrets masked). " +
    "Without --base-url it starts an in-process simulator, so it works without ixBrowser.")
{
    baseUrl, profileId, proxyId, missingProxyId, extractionUrl, proxyType, proxyPort, proxyPassword, note, allowRemote,
};

root.SetAction(async (parse, cancellationToken) =>
{
    Uri? target = null;
    if (parse.GetValue(baseUrl) is { } baseUrlText && !Uri.TryCreate(baseUrlText, UriKind.Absolute, out target))
    {
        Console.Error.WriteLine($"--base-url must be an absolute URL such as http://127.0.0.1:53200, not \"{baseUrlText}\".");
        return 2;
    }

    Uri? link = null;
    if (parse.GetValue(extractionUrl) is { } linkText && !Uri.TryCreate(linkText, UriKind.Absolute, out link))
    {
        // The value is not echoed: extraction links carry the provider's API key.
        Console.Error.WriteLine("--extraction-url must be an absolute http or https URL.");
        return 2;
    }

    if (target is not null && link is null)
    {
        Console.Error.WriteLine("--extraction-url is required with --base-url: the demo will not invent an extraction link for a real ixBrowser.");
        return 2;
    }

    using var simulator = target is null ? IxBrowserSimulator.Start() : null;
    using var http = new HttpClient();
    IxBrowserClient client;
    try
    {
        client = new IxBrowserClient(
            http,
            new IxBrowserClientOptions { BaseAddress = target ?? simulator!.BaseAddress, AllowRemoteHost = parse.GetValue(allowRemote) },
            new ConsoleRequestLog());
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }

    Console.WriteLine(simulator is null
        ? $"Target: ixBrowser at {client.BaseAddress}"
        : $"Target: the built-in simulator at {client.BaseAddress} (pass --base-url http://127.0.0.1:53200 to use a real ixBrowser)");

    var ok = true;
    var profile = parse.GetValue(profileId);
    ok &= await Step($"1. Switch profile {profile} to a proxy extracted from an API link", () => client.UpdateProfileProxyForApiExtractionAsync(
        new UpdateProfileProxyForApiExtractionRequest
        {
            ProfileId = profile,
            ProxyInfo = new ApiExtractionProxyInfo
            {
                ProxyType = parse.GetValue(proxyType),
                ProxyDataFormatType = ProxyDataFormatType.Txt,
                ProxyDataTxtFormat = ProxyDataTxtFormat.IpPortUsernamePassword,
                ProxyExtractionMethod = ProxyExtractionMethod.Invalid,
                ProxyUrl = (link ?? new Uri("https://provider.example/api/extract?key=demo-api-key-0001&num=1")).AbsoluteUri,
            },
        },
        cancellationToken), expectFailure: false);
    if (simulator?.GetProfile(profile) is { } stored)
    {
        Console.WriteLine($"   state:    profile {stored.Id} now has proxy_mode {stored.ProxyMode}, settings {stored.ApiExtraction}");
    }

    var proxy = parse.GetValue(proxyId);
    var password = parse.GetValue(proxyPassword) ?? (simulator is null ? null : "demo-password");
    ok &= await Step($"2. Update custom proxy {proxy}: port, note{(password is null ? string.Empty : ", password")} (a partial update: nothing else is sent)", () => client.UpdateProxyAsync(
        new UpdateProxyRequest
        {
            Id = proxy,
            ProxyPort = parse.GetValue(proxyPort),
            ProxyPassword = password,
            Note = parse.GetValue(note),
        },
        cancellationToken), expectFailure: false);
    if (simulator?.GetProxy(proxy) is { } updated)
    {
        Console.WriteLine($"   state:    {updated}");
    }

    ok &= await Step($"3. Update proxy {parse.GetValue(missingProxyId)}, which does not exist (meant to fail)", () => client.UpdateProxyAsync(
        new UpdateProxyRequest { Id = parse.GetValue(missingProxyId), Note = "never stored" },
        cancellationToken), expectFailure: true);

    Console.WriteLine();
    Console.WriteLine(ok ? "Done: both operations succeeded and the failing call failed as expected." : "Something did not go as expected (see above).");
    return ok ? 0 : 1;
});

return await root.Parse(args).InvokeAsync();

static async Task<bool> Step<TData>(string title, Func<Task<IxBrowserResponse<TData>>> call, bool expectFailure)
{
    Console.WriteLine();
    Console.WriteLine(title);
    try
    {
        var response = await call();
        Console.WriteLine($"   received: {response}");
        return !expectFailure;
    }
    catch (IxBrowserApiException e)
    {
        Console.WriteLine($"   received: error {e.Code} ({e.ServerMessage ?? "no message"}) at {e.ServerTime:u}");
        Console.WriteLine($"   thrown:   {e.GetType().Name}: {e.Message}");
        return expectFailure;
    }
    catch (IxBrowserConnectionException e)
    {
        Console.WriteLine($"   thrown:   {e.GetType().Name}: {e.Message}");
        Console.WriteLine();
        Console.WriteLine("Stopping: the local API is not reachable, so the other calls would fail the same way.");
        Environment.Exit(1);
        return false;
    }
    catch (IxBrowserException e)
    {
        Console.WriteLine($"   thrown:   {e.GetType().Name}: {e.Message}");
        return false;
    }
}

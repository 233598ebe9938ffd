#!/usr/bin/env bash
# Packs IxBrowser.LocalApi and IxBrowser.LocalApi.Testing, then builds and runs a throwaway console
# app in a temporary folder that references the .nupkg files from a local folder source (never the
# projects) and calls both operations against the simulator. Proves the packages work on their own.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packages="$root/artifacts/packages"
rm -rf "$packages"
mkdir -p "$packages"

dotnet pack "$root/src/IxBrowser.LocalApi/IxBrowser.LocalApi.csproj" -c Release -o "$packages"
dotnet pack "$root/src/IxBrowser.LocalApi.Testing/IxBrowser.LocalApi.Testing.csproj" -c Release -o "$packages"
dotnet pack "$root/src/IxBrowser.LocalApi.Simulator/IxBrowser.LocalApi.Simulator.csproj" -c Release -o "$packages"
dotnet pack "$root/src/IxBrowser.LocalApi.Playwright/IxBrowser.LocalApi.Playwright.csproj" -c Release -o "$packages"
# The version is written once, as the spec's info.version.
version=$(sed -n 's/^  version:[[:space:]]*\([0-9A-Za-z.+-]*\).*/\1/p' "$root/spec/ixbrowser-local-api.yaml" | head -n 1)
for id in IxBrowser.LocalApi IxBrowser.LocalApi.Testing IxBrowser.LocalApi.Playwright; do
  for ext in nupkg snupkg; do
    [ -f "$packages/$id.$version.$ext" ] || { echo "missing $id.$version.$ext" >&2; exit 1; }
  done
done
[ -f "$packages/IxBrowser.LocalApi.Simulator.$version.nupkg" ] || { echo "missing IxBrowser.LocalApi.Simulator.$version.nupkg" >&2; exit 1; }

consumer=$(mktemp -d)
trap 'rm -rf "$consumer"' EXIT
cd "$consumer"
# The nuget.config of the README's Install section, verbatim but for the folder, so the README's
# instructions are what this test runs.
awk '/<!-- install: nuget.config -->/{found=1; next} found && /^```xml/{inside=1; next} inside && /^```/{exit} inside{print}' "$root/README.md" \
  | sed "s|/path/to/ixbrowser-packages|$packages|" > nuget.config
grep -q "$packages" nuget.config || { echo "README.md has no nuget.config snippet after <!-- install: nuget.config -->" >&2; exit 1; }
# Same version, new build: drop any copy an earlier run left in the global package cache.
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
rm -rf "$cache/ixbrowser.localapi" "$cache/ixbrowser.localapi.testing" "$cache/ixbrowser.localapi.simulator" "$cache/ixbrowser.localapi.playwright"

# The simulator tool, installed as the README says (into a folder here, not globally), then started,
# asked once over plain HTTP, and stopped with SIGTERM: its state file must be complete.
dotnet tool install IxBrowser.LocalApi.Simulator --version "$version" --tool-path "$consumer/tools"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$consumer/tools/ixbrowser-simulator" --listen "127.0.0.1:$port" --dump-state "$consumer/state.json" > "$consumer/tool.log" 2>&1 < /dev/null &
tool=$!
for _ in $(seq 1 100); do grep -q "listening on" "$consumer/tool.log" && break; sleep 0.2; done
curl -fsS -X POST "http://127.0.0.1:$port/api/v2/proxy-update" -d '{"id":24330,"note":"from the tool"}' | grep -q '"code":0' || { cat "$consumer/tool.log" >&2; echo "the simulator tool did not answer" >&2; exit 1; }
kill -TERM "$tool"
wait "$tool"
grep -q '"Note": "from the tool"' "$consumer/state.json" || { echo "the simulator tool's state file lacks the update" >&2; exit 1; }
echo "ok: simulator tool installed, answered, and wrote its state on SIGTERM"
cat > Consumer.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>NU1603</NoWarn>
  </PropertyGroup>
</Project>
XML
# The README's install commands, against the local folder source.
dotnet add package IxBrowser.LocalApi --version "$version"
dotnet add package IxBrowser.LocalApi.Testing --version "$version"
dotnet add package IxBrowser.LocalApi.Playwright --version "$version"
cat > Program.cs <<'CS'
using IxBrowser.LocalApi;
using IxBrowser.LocalApi.Playwright;
using IxBrowser.LocalApi.Testing;

using var simulator = IxBrowserSimulator.Start();
var client = simulator.Client;

// The main job: a profile id to a driven browser, closed on disposal.
await using (var browser = await client.ConnectPlaywrightAsync(161))
{
    var tab = await browser.Contexts[0].NewPageAsync();
    await tab.SetContentAsync("<h1>from the package</h1>");
    Check(await tab.InnerTextAsync("h1") == "from the package" && simulator.RunningBrowserCount == 1, "Playwright drives the opened profile");
}

Check(simulator.RunningBrowserCount == 0, "disposing the browser closed the profile");

var switched = await client.UpdateProfileProxyForApiExtractionAsync(new UpdateProfileProxyForApiExtractionRequest
{
    ProfileId = 161,
    ProxyInfo = new ApiExtractionProxyInfo
    {
        ProxyType = ProxyType.Socks5,
        ProxyDataFormatType = ProxyDataFormatType.Txt,
        ProxyExtractionMethod = ProxyExtractionMethod.Invalid,
        ProxyUrl = "https://provider.example/extract?key=consumer",
    },
});
Check(switched.Data == "success" && simulator.GetProfile(161)!.ProxyMode == 4, "API extraction");

var updated = await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 24330, Note = "from the package", ProxyPort = "8080" });
Check(updated.Data == 1 && simulator.GetProxy(24330)!.Note == "from the package" && simulator.GetProxy(24330)!.ProxyPort == "8080", "proxy update");

var deleted = await client.DeleteProxyAsync(new DeleteProxyRequest { Id = 24330 });
Check(deleted.Data == 1 && simulator.GetProxy(24330) is null, "proxy delete");

var created = await client.CreateProxyAsync(new CreateProxyRequest { ProxyType = ProxyType.Http, ProxyIp = "192.0.2.1", ProxyPort = "3128", ProxyUser = "" });
var listed = new List<long>();
await foreach (var proxy in client.EnumerateProxyListAsync(new GetProxyListRequest { Limit = 1 }))
{
    listed.Add(proxy.Id!.Value);
}

Check(listed.Contains(created.Data) && listed.Count == simulator.Proxies.Count, "proxy create and the walked list");

try
{
    await client.UpdateProxyAsync(new UpdateProxyRequest { Id = 999_999, Note = "x" });
    Check(false, "unknown proxy must fail");
}
catch (IxBrowserApiException e)
{
    Check(e.Code == IxBrowserErrorCodes.ProxyNotFound, "error 2002");
}

Console.WriteLine($"consumer smoke test passed: IxBrowser.LocalApi {typeof(IxBrowserClient).Assembly.GetName().Version} from the package");

static void Check(bool ok, string what)
{
    if (!ok)
    {
        Console.Error.WriteLine("consumer smoke test FAILED: " + what);
        Environment.Exit(1);
    }
    Console.WriteLine("ok: " + what);
}
CS
dotnet run -c Release

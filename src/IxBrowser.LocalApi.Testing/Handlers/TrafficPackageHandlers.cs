using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Purchased residential proxies (traffic packages): traffic-package-list.</summary>
internal sealed class TrafficPackageHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetTrafficPackageList), GetTrafficPackageList, ("GetTrafficPackageListRequest", ["page", "limit"]));
    }

    /// <summary>traffic-package-list: the purchased residential proxies with their traffic (decimal strings).</summary>
    public SimulatorOutcome GetTrafficPackageList(JToken? body)
    {
        if (Checked(nameof(GetTrafficPackageList), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            return PageOutcome(
                Store.TrafficPackages.Values.OrderBy(p => p.Id).Select(p => new JObject
                {
                    ["id"] = p.Id,
                    ["limit_flow"] = p.LimitFlow,
                    ["used_flow"] = p.UsedFlow,
                    ["supply_name"] = p.SupplyName,
                }),
                request);
        }
    }
}

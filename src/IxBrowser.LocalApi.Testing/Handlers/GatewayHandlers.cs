using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>Access gateways: the list (two lines, "1" and "2") and the switch (118002 for an unknown line).</summary>
internal sealed class GatewayHandlers(SimulatorStore store, SpecRules spec) : ResourceHandler(store, spec)
{
    public override void Register(OperationRegistry registry)
    {
        registry.Add(nameof(GetGatewayList), GetGatewayList, ("GetGatewayListRequest", []));
        registry.Add(nameof(SwitchGateway), SwitchGateway, ("SwitchGatewayRequest", ["id"]));
    }

    /// <summary>gateway-list: every gateway, ids as strings.</summary>
    public SimulatorOutcome GetGatewayList(JToken? body)
    {
        if (Checked(nameof(GetGatewayList), body) is null)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        lock (Store.Gate)
        {
            return Success(new JArray(Store.Gateways.Select(g => new JObject { ["id"] = g.Id, ["name"] = g.Name })));
        }
    }

    /// <summary>gateway-switch: uses the gateway (118002 unknown). Answers data null.</summary>
    public SimulatorOutcome SwitchGateway(JToken? body)
    {
        if (Checked(nameof(SwitchGateway), body) is not { } request)
        {
            return Error(IxBrowserErrorCodes.MissingRequiredParameters);
        }

        var id = (string)request["id"]!;
        lock (Store.Gate)
        {
            if (Store.Gateways.All(g => g.Id != id))
            {
                return Error(IxBrowserErrorCodes.GatewayLineNotFound);
            }

            Store.CurrentGateway = id;
        }

        return Success(JValue.CreateNull());
    }
}

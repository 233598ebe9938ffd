using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>What the envelope of an answer will say: its code, message and data.</summary>
internal sealed record SimulatorOutcome(int Code, string Message, JToken Data)
{
    /// <summary>An error with the appendix's description and the documented empty-array data.</summary>
    public static SimulatorOutcome Error(int code) =>
        new(code, IxBrowserErrorCodes.GetDescription(code) ?? "Error " + code, new JArray());

    public static SimulatorOutcome Success(JToken data) => new(0, "success", data);
}

using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>What the envelope of an answer will say: its code, message and data.</summary>
internal sealed record SimulatorOutcome(int Code, string Message, JToken? Data)
{
    /// <summary>An error with the appendix's description and the documented empty-array data.</summary>
    public static SimulatorOutcome Error(int code) =>
        new(code, IxBrowserErrorCodes.GetDescription(code) ?? "Error " + code, new JArray());

    public static SimulatorOutcome Success(JToken data) => new(0, "success", data);

    /// <summary>A success whose envelope carries no <c>data</c> at all (profile-close).</summary>
    public static SimulatorOutcome SuccessWithoutData() => new(0, "success", null);

    /// <summary>An error with a message of the simulator's own, which says what to do (for example, install Chromium).</summary>
    public static SimulatorOutcome Error(int code, string message) => new(code, message, JValue.CreateNull());
}

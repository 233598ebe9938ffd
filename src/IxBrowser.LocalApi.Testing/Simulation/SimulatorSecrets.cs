using System;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Masks secrets in the simulator's texts (records of requests, failure messages of tests) with the
/// client's own masking: by the spec's x-secret marking, whatever the JSON's spelling of the key
/// (escaped, any case), whatever the value's type, even in text that is cut off.
/// </summary>
internal static class SimulatorSecrets
{
    /// <summary>The JSON text with the value of every secret field shown as ***.</summary>
    public static string Mask(string json) => Redact.Answer(json, Array.Empty<string>());
}

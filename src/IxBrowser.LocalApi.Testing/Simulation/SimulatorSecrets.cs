using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// Masks secrets in the simulator's texts (records of requests, failure messages of tests), by the
/// spec's x-secret marking: the same marking the client masks by.
/// </summary>
internal static class SimulatorSecrets
{
    private static readonly Lazy<Regex> SecretFields = new(() =>
        new Regex("(\"(?:" + string.Join("|", SpecRules.Load().SecretWireNames.Select(Regex.Escape)) + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"?)", RegexOptions.CultureInvariant));

    /// <summary>The JSON text with the string value of every secret field shown as ***, even if the text is cut off.</summary>
    public static string Mask(string json) => SecretFields.Value.Replace(json, "$1***$2");
}

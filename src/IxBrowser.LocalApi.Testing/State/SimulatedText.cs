namespace IxBrowser.LocalApi.Testing;

/// <summary>How the simulator's records show a secret: empty stays visible as "", anything else is ***.</summary>
internal static class SimulatedText
{
    public static string Secret(string value) => value.Length == 0 ? "\"\"" : "***";
}

namespace IxBrowser.LocalApi.Testing;

/// <summary>A custom proxy set on a profile by its address (wire values), when it matches no proxy of the list.</summary>
public sealed record SimulatedCustomProxySettings
{
    /// <summary>proxy_type, for example <c>"socks5"</c> or <c>"direct"</c>.</summary>
    public required string ProxyType { get; init; }

    /// <summary>proxy_ip; empty for direct.</summary>
    public string ProxyIp { get; init; } = string.Empty;

    /// <summary>proxy_port; empty for direct.</summary>
    public string ProxyPort { get; init; } = string.Empty;

    /// <summary>proxy_user (a secret; masked in <see cref="ToString"/>).</summary>
    public string ProxyUser { get; init; } = string.Empty;

    /// <summary>proxy_password (a secret; masked in <see cref="ToString"/>).</summary>
    public string ProxyPassword { get; init; } = string.Empty;

    /// <summary>proxy_check_line.</summary>
    public string ProxyCheckLine { get; init; } = "global_line";

    /// <summary>The settings with the account masked.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{{ {ProxyType} {ProxyIp}:{ProxyPort}, ProxyUser = {SimulatedText.Secret(ProxyUser)}, ProxyPassword = {SimulatedText.Secret(ProxyPassword)}, {ProxyCheckLine} }}";
}

namespace IxBrowser.LocalApi.Testing;

/// <summary>The API-extraction settings a profile holds after a successful update (wire values).</summary>
public sealed record SimulatedExtractionSettings
{
    /// <summary>proxy_check_line, for example <c>"global_line"</c>.</summary>
    public required string ProxyCheckLine { get; init; }

    /// <summary>proxy_type, for example <c>"socks5"</c>.</summary>
    public required string ProxyType { get; init; }

    /// <summary>proxy_service, <c>"general"</c>.</summary>
    public required string ProxyService { get; init; }

    /// <summary>proxy_data_format_type: <c>"txt"</c> or <c>"json"</c>.</summary>
    public required string ProxyDataFormatType { get; init; }

    /// <summary>proxy_data_txt_format, if sent.</summary>
    public string? ProxyDataTxtFormat { get; init; }

    /// <summary>proxy_data_json_format.ip, if a mapping was sent.</summary>
    public string? JsonIpField { get; init; }

    /// <summary>proxy_data_json_format.port, if a mapping was sent.</summary>
    public string? JsonPortField { get; init; }

    /// <summary>proxy_extraction_method: <c>"invalid"</c> or <c>"every_type"</c>.</summary>
    public required string ProxyExtractionMethod { get; init; }

    /// <summary>proxy_url: the extraction link (a secret; masked in <see cref="ToString"/>).</summary>
    public required string ProxyUrl { get; init; }

    /// <summary>The settings with the extraction link masked.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{{ {ProxyType} via {ProxyDataFormatType} ({ProxyDataTxtFormat ?? "json"}), {ProxyExtractionMethod}, {ProxyCheckLine}, {ProxyService}, ProxyUrl = *** }}";
}

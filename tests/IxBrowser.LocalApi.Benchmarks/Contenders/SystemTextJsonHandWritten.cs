using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Benchmarks.Contenders;

/// <summary>(c) The floor: HttpClient + System.Text.Json with source-generated serialization, envelope check included.</summary>
public sealed class SystemTextJsonHandWritten(HttpClient http, Uri baseAddress)
{
    private readonly Uri _proxyUpdate = new(baseAddress, "api/v2/proxy-update");
    private readonly Uri _extraction = new(baseAddress, "api/v2/profile-update-proxy-for-api-extraction");

    public async Task<StjEnvelope> UpdateProxyAsync(StjProxyUpdateBody body, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(body, StjContext.Default.StjProxyUpdateBody);
        return await SendAsync(_proxyUpdate, content, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StjEnvelope> UpdateExtractionAsync(StjExtractionBody body, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(body, StjContext.Default.StjExtractionBody);
        return await SendAsync(_extraction, content, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StjEnvelope> SendAsync(Uri uri, HttpContent content, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HandWrittenApiException(-1, "HTTP " + (int)response.StatusCode);
        }

        StjEnvelope? envelope;
        try
        {
            envelope = await response.Content.ReadFromJsonAsync(StjContext.Default.StjEnvelope, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new HandWrittenApiException(-1, "not an envelope: " + e.Message);
        }

        return Check(envelope);
    }

    public static StjEnvelope Check(StjEnvelope? envelope)
    {
        if (envelope?.Error is null)
        {
            throw new HandWrittenApiException(-1, "not an envelope");
        }

        if (envelope.Error.Code != 0)
        {
            throw new HandWrittenApiException(envelope.Error.Code, envelope.Error.Message);
        }

        return envelope;
    }
}

public sealed class StjProxyUpdateBody
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("proxy_type")] public string? ProxyType { get; set; }
    [JsonPropertyName("proxy_ip")] public string? ProxyIp { get; set; }
    [JsonPropertyName("proxy_port")] public string? ProxyPort { get; set; }
    [JsonPropertyName("proxy_user")] public string? ProxyUser { get; set; }
    [JsonPropertyName("proxy_password")] public string? ProxyPassword { get; set; }
    [JsonPropertyName("note")] public string? Note { get; set; }
}

public sealed class StjExtractionBody
{
    [JsonPropertyName("profile_id")] public long ProfileId { get; set; }
    [JsonPropertyName("proxy_info")] public StjExtractionInfo ProxyInfo { get; set; } = new();
}

public sealed class StjExtractionInfo
{
    [JsonPropertyName("proxy_mode")] public int ProxyMode { get; set; } = 4;
    [JsonPropertyName("proxy_check_line")] public string ProxyCheckLine { get; set; } = "global_line";
    [JsonPropertyName("proxy_type")] public string ProxyType { get; set; } = "socks5";
    [JsonPropertyName("proxy_service")] public string ProxyService { get; set; } = "general";
    [JsonPropertyName("proxy_data_format_type")] public string ProxyDataFormatType { get; set; } = "txt";
    [JsonPropertyName("proxy_data_txt_format")] public string ProxyDataTxtFormat { get; set; } = "ip:port";
    [JsonPropertyName("proxy_extraction_method")] public string ProxyExtractionMethod { get; set; } = "invalid";
    [JsonPropertyName("proxy_url")] public string ProxyUrl { get; set; } = "";
}

public sealed class StjEnvelope
{
    [JsonPropertyName("error")] public StjError? Error { get; set; }
    [JsonPropertyName("data")] public JsonElement Data { get; set; }
}

public sealed class StjError
{
    [JsonPropertyName("code")] public int Code { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("time")] public long Time { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjProxyUpdateBody))]
[JsonSerializable(typeof(StjExtractionBody))]
[JsonSerializable(typeof(StjEnvelope))]
public sealed partial class StjContext : JsonSerializerContext;

using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Benchmarks.Contenders;

/// <summary>(b) The smallest correct hand-written client: HttpClient + Newtonsoft.Json, envelope check included.</summary>
public sealed class NewtonsoftHandWritten(HttpClient http, Uri baseAddress)
{
    private static readonly JsonSerializerSettings Settings = new() { NullValueHandling = NullValueHandling.Ignore };
    private readonly Uri _proxyUpdate = new(baseAddress, "api/v2/proxy-update");
    private readonly Uri _extraction = new(baseAddress, "api/v2/profile-update-proxy-for-api-extraction");

    public Task<Envelope> UpdateProxyAsync(ProxyUpdateBody body, CancellationToken cancellationToken = default) => PostAsync(_proxyUpdate, body, cancellationToken);

    public Task<Envelope> UpdateExtractionAsync(ExtractionBody body, CancellationToken cancellationToken = default) => PostAsync(_extraction, body, cancellationToken);

    private async Task<Envelope> PostAsync(Uri uri, object body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(body, Settings), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HandWrittenApiException(-1, "HTTP " + (int)response.StatusCode);
        }

        Envelope? envelope;
        try
        {
            envelope = JsonConvert.DeserializeObject<Envelope>(text, Settings);
        }
        catch (JsonException e)
        {
            throw new HandWrittenApiException(-1, "not an envelope: " + e.Message);
        }

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

    public sealed class ProxyUpdateBody
    {
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("proxy_type")] public string? ProxyType { get; set; }
        [JsonProperty("proxy_ip")] public string? ProxyIp { get; set; }
        [JsonProperty("proxy_port")] public string? ProxyPort { get; set; }
        [JsonProperty("proxy_user")] public string? ProxyUser { get; set; }
        [JsonProperty("proxy_password")] public string? ProxyPassword { get; set; }
        [JsonProperty("note")] public string? Note { get; set; }
    }

    public sealed class ExtractionBody
    {
        [JsonProperty("profile_id")] public long ProfileId { get; set; }
        [JsonProperty("proxy_info")] public ExtractionInfo ProxyInfo { get; set; } = new();
    }

    public sealed class ExtractionInfo
    {
        [JsonProperty("proxy_mode")] public int ProxyMode { get; } = 4;
        [JsonProperty("proxy_check_line")] public string ProxyCheckLine { get; set; } = "global_line";
        [JsonProperty("proxy_type")] public string ProxyType { get; set; } = "socks5";
        [JsonProperty("proxy_service")] public string ProxyService { get; set; } = "general";
        [JsonProperty("proxy_data_format_type")] public string ProxyDataFormatType { get; set; } = "txt";
        [JsonProperty("proxy_data_txt_format")] public string ProxyDataTxtFormat { get; set; } = "ip:port";
        [JsonProperty("proxy_extraction_method")] public string ProxyExtractionMethod { get; set; } = "invalid";
        [JsonProperty("proxy_url")] public string ProxyUrl { get; set; } = "";
    }

    public sealed class Envelope
    {
        [JsonProperty("error")] public ErrorInfo? Error { get; set; }
        [JsonProperty("data")] public JToken? Data { get; set; }
    }

    public sealed class ErrorInfo
    {
        [JsonProperty("code")] public int Code { get; set; }
        [JsonProperty("message")] public string? Message { get; set; }
        [JsonProperty("time")] public long Time { get; set; }
    }
}

/// <summary>The hand-written contenders' error.</summary>
public sealed class HandWrittenApiException(int code, string? message) : Exception(message)
{
    public int Code { get; } = code;
}

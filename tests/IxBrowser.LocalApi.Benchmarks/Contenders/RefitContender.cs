using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace IxBrowser.LocalApi.Benchmarks.Contenders;

/// <summary>(d) Refit 16.4.0 with its default (System.Text.Json) serializer, same envelope check.</summary>
public interface IRefitIxBrowser
{
    [Post("/api/v2/proxy-update")]
    Task<StjEnvelope> UpdateProxy([Body] StjProxyUpdateBody body, CancellationToken cancellationToken = default);

    [Post("/api/v2/profile-update-proxy-for-api-extraction")]
    Task<StjEnvelope> UpdateExtraction([Body] StjExtractionBody body, CancellationToken cancellationToken = default);
}

public sealed class RefitContender
{
    private readonly IRefitIxBrowser _api;

    // Refit's System.Text.Json serializer, told to omit nulls so the partial update is sent correctly.
    public RefitContender(HttpClient http) => _api = RestService.For<IRefitIxBrowser>(
        http,
        new RefitSettings(new SystemTextJsonContentSerializer(new System.Text.Json.JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull })));

    public async Task<StjEnvelope> UpdateProxyAsync(StjProxyUpdateBody body) => SystemTextJsonHandWritten.Check(await _api.UpdateProxy(body).ConfigureAwait(false));

    public async Task<StjEnvelope> UpdateExtractionAsync(StjExtractionBody body) => SystemTextJsonHandWritten.Check(await _api.UpdateExtraction(body).ConfigureAwait(false));
}

using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi;

/// <summary>
/// The ixBrowser Local API's proxy operations; one method per operation of
/// <c>spec/ixbrowser-local-api.yaml</c>. Mock this interface to test code that uses the client.
/// </summary>
public interface IIxBrowserClient
{
    /// <summary>
    /// Switches a profile to a proxy extracted from a provider's API link
    /// (<c>POST /api/v2/profile-update-proxy-for-api-extraction</c>, proxy_mode 4).
    /// </summary>
    /// <param name="request">The profile and the extraction settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success envelope; its <see cref="IxBrowserResponse.Data"/> is <c>"success"</c>.</returns>
    /// <exception cref="System.ArgumentException">The request is missing a required field or holds an invalid value; nothing was sent.</exception>
    /// <exception cref="IxBrowserApiException">ixBrowser refused the update (for example <see cref="IxBrowserErrorCodes.ProfileNotFound"/>).</exception>
    /// <exception cref="IxBrowserProtocolException">The answer was not the local API's envelope.</exception>
    /// <exception cref="IxBrowserConnectionException">The local API could not be reached, or the connection broke.</exception>
    /// <exception cref="IxBrowserTimeoutException">The local API did not answer in time.</exception>
    Task<IxBrowserResponse> UpdateProfileProxyForApiExtractionAsync(UpdateProfileProxyForApiExtractionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the fields of a custom proxy that are set in <paramref name="request"/>
    /// (<c>POST /api/v2/proxy-update</c>); unset (<see langword="null"/>) fields keep their values and empty strings clear them.
    /// </summary>
    /// <param name="request">The proxy id and the fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The success envelope; its <see cref="IxBrowserResponse.Data"/> is <c>1</c>.</returns>
    /// <exception cref="System.ArgumentException">The request holds an invalid value; nothing was sent.</exception>
    /// <exception cref="IxBrowserApiException">ixBrowser refused the update (for example <see cref="IxBrowserErrorCodes.ProxyNotFound"/>).</exception>
    /// <exception cref="IxBrowserProtocolException">The answer was not the local API's envelope.</exception>
    /// <exception cref="IxBrowserConnectionException">The local API could not be reached, or the connection broke.</exception>
    /// <exception cref="IxBrowserTimeoutException">The local API did not answer in time.</exception>
    Task<IxBrowserResponse> UpdateProxyAsync(UpdateProxyRequest request, CancellationToken cancellationToken = default);
}

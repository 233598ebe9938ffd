using System;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>A request the simulator received, in arrival order.</summary>
/// <param name="Path">The path, for example <c>/api/v2/proxy-update</c>.</param>
/// <param name="Body">The body parsed as JSON; <see langword="null"/> if it was not JSON.</param>
/// <param name="RawBody">The body as text.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReceivedRequest(string Path, JToken? Body, string RawBody, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// The request with every secret field masked (the spec's x-secret properties: proxy passwords and
    /// user names, extraction links), so that a test's failure message never shows a credential.
    /// <see cref="Body"/> and <see cref="RawBody"/> still hold the values as sent.
    /// </summary>
    /// <returns>For example <c>ReceivedRequest { Path = /api/v2/proxy-update, Body = {"id":1,"proxy_password":"***"}, ReceivedAt = ... }</c>.</returns>
    public override string ToString() => $"ReceivedRequest {{ Path = {Path}, Body = {SimulatorSecrets.Mask(RawBody)}, ReceivedAt = {ReceivedAt:O} }}";
}

using System;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>A request the simulator received, in arrival order.</summary>
/// <param name="Path">The path, for example <c>/api/v2/proxy-update</c>.</param>
/// <param name="Body">The body parsed as JSON; <see langword="null"/> if it was not JSON.</param>
/// <param name="RawBody">The body as text.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReceivedRequest(string Path, JToken? Body, string RawBody, DateTimeOffset ReceivedAt);

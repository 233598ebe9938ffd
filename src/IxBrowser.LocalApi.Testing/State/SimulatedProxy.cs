using System.Collections.Generic;
using System.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>A custom proxy as the simulator stores it (wire values: proxy_type is a string such as <c>"socks5"</c>).</summary>
public sealed record SimulatedProxy
{
    /// <summary>The proxy id.</summary>
    public required long Id { get; init; }

    /// <summary>The proxy-list's type: 1 a custom proxy (the default), 2 a purchased proxy.</summary>
    public int Kind { get; init; } = 1;

    /// <summary>proxy_type as sent on the wire, for example <c>"socks5"</c>.</summary>
    public string ProxyType { get; init; } = "http";

    /// <summary>proxy_ip.</summary>
    public string ProxyIp { get; init; } = "127.0.0.1";

    /// <summary>proxy_port, a string as on the wire.</summary>
    public string ProxyPort { get; init; } = "8080";

    /// <summary>proxy_user.</summary>
    public string ProxyUser { get; init; } = string.Empty;

    /// <summary>proxy_password.</summary>
    public string ProxyPassword { get; init; } = string.Empty;

    /// <summary>The tag names.</summary>
    public IReadOnlyList<string> Tags { get; init; } = new List<string>();

    /// <summary>note.</summary>
    public string Note { get; init; } = string.Empty;

    /// <summary>The proxy with the password and user masked.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"SimulatedProxy {{ Id = {Id}, Kind = {Kind}, ProxyType = {ProxyType}, ProxyIp = {ProxyIp}, ProxyPort = {ProxyPort}, ProxyUser = {SimulatedText.Secret(ProxyUser)}, " +
        $"ProxyPassword = {SimulatedText.Secret(ProxyPassword)}, Tags = [{string.Join(", ", Tags)}], Note = \"{Note}\" }}";

    /// <summary>Value equality, including the tags in order.</summary>
    /// <param name="other">The other proxy.</param>
    /// <returns>Whether both hold the same values.</returns>
    public bool Equals(SimulatedProxy? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && ProxyType == other.ProxyType && ProxyIp == other.ProxyIp && ProxyPort == other.ProxyPort
        && ProxyUser == other.ProxyUser && ProxyPassword == other.ProxyPassword && Note == other.Note && Tags.SequenceEqual(other.Tags);

    /// <inheritdoc />
    public override int GetHashCode() => (Id, ProxyIp, ProxyPort).GetHashCode();
}

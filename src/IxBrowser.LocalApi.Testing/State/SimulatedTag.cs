namespace IxBrowser.LocalApi.Testing;

/// <summary>A profile tag (tag-list) or a proxy tag (proxy-tag-list).</summary>
/// <param name="Id">The tag id.</param>
/// <param name="Title">The tag's name.</param>
public sealed record SimulatedTag(long Id, string Title);

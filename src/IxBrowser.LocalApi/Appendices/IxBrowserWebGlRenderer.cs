namespace IxBrowser.LocalApi;

/// <summary>One row of the vendor's WebGL appendix: a vendor and renderer pair a fingerprint may report.</summary>
public sealed class IxBrowserWebGlRenderer
{
    internal IxBrowserWebGlRenderer(string system, string vendor, string renderer)
    {
        System = system;
        Vendor = vendor;
        Renderer = renderer;
    }

    /// <summary>The system the pair belongs to: Windows, macos, Android or iOS, as the appendix writes it.</summary>
    public string System { get; }

    /// <summary>The WebGL vendor, for <see cref="FingerprintConfig.WebglFactory"/>.</summary>
    public string Vendor { get; }

    /// <summary>The WebGL renderer, for <see cref="FingerprintConfig.WebglInfo"/>.</summary>
    public string Renderer { get; }

    /// <inheritdoc />
    public override string ToString() => $"{System}: {Vendor} / {Renderer}";
}

namespace IxBrowser.LocalApi.Serialization;

/// <summary>How the envelope converter fills the typed data of any <see cref="IxBrowserResponse{TData}"/>.</summary>
internal interface IEnvelopeData
{
    bool HasData { get; set; }

    string? DataMismatch { get; set; }

    void SetData(object? value);
}

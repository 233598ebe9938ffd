namespace IxBrowser.LocalApi.Testing;

/// <summary>An open transfer code of a profile, and what it hands over.</summary>
internal sealed record SimulatedTransfer(string Code, int TransferProxy, int TransferProxyMode, int TransferNote, long CreatedAt);

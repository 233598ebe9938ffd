namespace IxBrowser.LocalApi.Testing;

/// <summary>One row of the transfer record list: type 1 a transfer, type 2 a receipt.</summary>
internal sealed record SimulatedTransferRecord(long Id, int Type, string Code, string Name, long CreatedAt, long ReceiptTime, SimulatedTransfer Settings);

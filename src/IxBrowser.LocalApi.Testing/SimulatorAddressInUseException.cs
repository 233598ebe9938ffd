using System;

namespace IxBrowser.LocalApi.Testing;

/// <summary>The simulator cannot listen where it was asked to: another program (often ixBrowser itself) holds the address.</summary>
public sealed class SimulatorAddressInUseException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="address">The address that is taken.</param>
    /// <param name="innerException">The server's own exception.</param>
    public SimulatorAddressInUseException(string address, Exception innerException)
        : base($"{address} is already in use: is ixBrowser or another simulator running there? Stop it, or listen elsewhere (the standalone simulator's --listen 127.0.0.1:53201).", innerException)
    {
        Address = address;
    }

    /// <summary>The address that is taken, for example <c>http://127.0.0.1:53200</c>.</summary>
    public string Address { get; }
}

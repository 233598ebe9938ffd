using System.CommandLine;
using IxBrowser.LocalApi.Simulator;

// ixbrowser-simulator: a simulated ixBrowser Local API for any program or language. The server takes
// Ctrl+C and SIGTERM over itself (SimulatorServer), so System.CommandLine's own handling, which ends
// the process two seconds after the signal, is off.
var parse = RootCommandFactory.Create().Parse(args);
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);

using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>One operation of the embedded spec, as the simulator serves it.</summary>
/// <param name="Id">The operationId, for example <c>DeleteProxy</c>.</param>
/// <param name="Path">The path, for example <c>/api/v2/proxy-delete</c>.</param>
/// <param name="RequestSchema">The name of the request body's component schema.</param>
/// <param name="SuccessExample">The data of the operation's success example.</param>
/// <param name="AlternatePaths">Other paths the operation is known under (x-alternate-paths); the simulator answers them too.</param>
internal sealed record SpecOperation(string Id, string Path, string RequestSchema, JToken SuccessExample, IReadOnlyList<string> AlternatePaths);

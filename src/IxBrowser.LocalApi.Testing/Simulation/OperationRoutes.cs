using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// The simulator's routes, from the spec: every operation is served at its path and its
/// x-alternate-paths. An operation with a
/// behaviour of its own (a public <see cref="SimulatorEngine"/> method named after its operationId)
/// runs it; any other answers its spec's success example once the body passes the spec's checks.
/// </summary>
internal sealed class OperationRoutes
{
    private readonly Dictionary<string, Func<JToken?, SimulatorEngine.Outcome>> _byPath;

    public OperationRoutes(SpecRules spec, SimulatorEngine engine)
    {
        var behaviours = typeof(SimulatorEngine).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(SimulatorEngine.Outcome) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(JToken))
            .ToDictionary(m => m.Name, StringComparer.Ordinal);
        var unknown = behaviours.Keys.Except(spec.Operations.Select(o => o.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The simulator has behaviour for operations the spec does not define: {string.Join(", ", unknown)}.");
        }

        Stateful = behaviours.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        _byPath = (
            from o in spec.Operations
            let answer = behaviours.TryGetValue(o.Id, out var method)
                ? (Func<JToken?, SimulatorEngine.Outcome>)method.CreateDelegate(typeof(Func<JToken?, SimulatorEngine.Outcome>), engine)
                : body => FromExample(spec, o, body)
            from path in o.AlternatePaths.Prepend(o.Path)
            select (path, answer))
            .ToDictionary(r => r.path, r => r.answer, StringComparer.Ordinal);
    }

    /// <summary>The operationIds with a behaviour of their own, sorted.</summary>
    public IReadOnlyList<string> Stateful { get; }

    public IEnumerable<string> Paths => _byPath.Keys;

    public bool Serves(string path) => _byPath.ContainsKey(path);

    public SimulatorEngine.Outcome Answer(string path, JToken? body) => _byPath[path](body);

    private static SimulatorEngine.Outcome FromExample(SpecRules spec, SpecOperation operation, JToken? body) =>
        body is JObject && spec.FirstViolation(operation.RequestSchema, body) is null
            ? new SimulatorEngine.Outcome(0, "success", operation.SuccessExample.DeepClone())
            : SimulatorEngine.Error(IxBrowserErrorCodes.MissingRequiredParameters);
}

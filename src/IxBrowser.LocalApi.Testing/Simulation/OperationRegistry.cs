using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Testing;

/// <summary>
/// The simulator's operations: each resource handler registers its behaviours here by operationId,
/// with the request fields each reads; every operation of the spec is then served at its path and its
/// x-alternate-paths. An operation without a behaviour answers its spec's success example once the
/// body passes the spec's checks. Registration is checked against the spec as it happens, and every
/// message names the operation, so a spec change that a behaviour does not follow stops the simulator
/// from starting instead of answering wrongly.
/// </summary>
internal sealed class OperationRegistry
{
    private readonly SpecRules _spec;
    private readonly Dictionary<string, Func<JToken?, SimulatorOutcome>> _behaviours = new(StringComparer.Ordinal);
    private Dictionary<string, Func<JToken?, SimulatorOutcome>>? _byPath;

    public OperationRegistry(SpecRules spec)
    {
        _spec = spec;
    }

    /// <summary>The operationIds with a behaviour of their own, sorted.</summary>
    public IReadOnlyList<string> Stateful => _behaviours.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    public IEnumerable<string> Paths => Routes.Keys;

    /// <summary>The registry of every resource handler of a simulator over <paramref name="store"/> (and its browsers and faults, when it serves).</summary>
    public static OperationRegistry ForAllHandlers(SpecRules spec, SimulatorStore store, SimulatedBrowsers? browsers = null, SimulatorFaults? faults = null)
    {
        var registry = new OperationRegistry(spec);
        ResourceHandler[] handlers =
        [
            new ProfileHandlers(store, spec),
            new ApiExtractionHandlers(store, spec),
            new ProxyHandlers(store, spec),
            new ProxyTagHandlers(store, spec),
            new GroupHandlers(store, spec),
            new ProfileSettingsHandlers(store, spec),
            new TagHandlers(store, spec),
            new TrafficPackageHandlers(store, spec),
            new BrowserHandlers(store, spec, browsers, faults),
            new GatewayHandlers(store, spec),
            new TransferHandlers(store, spec),
        ];
        foreach (var handler in handlers)
        {
            handler.Register(registry);
        }

        return registry;
    }

    /// <summary>Registers <paramref name="behaviour"/> as <paramref name="operationId"/>, which reads exactly <paramref name="reads"/>' fields of each schema.</summary>
    /// <exception cref="InvalidOperationException">The spec has no such operation, it is registered twice, or a schema's fields differ.</exception>
    public void Add(string operationId, Func<JToken?, SimulatorOutcome> behaviour, params (string Schema, string[] Fields)[] reads)
    {
        if (_byPath is not null)
        {
            throw new InvalidOperationException($"{operationId}: operations are registered before the simulator serves any.");
        }

        if (_spec.Operations.All(o => o.Id != operationId))
        {
            throw new InvalidOperationException($"The simulator has a behaviour for the operation {operationId}, which the spec does not define. Remove it, or add the operation to spec/ixbrowser-local-api.yaml.");
        }

        if (!_behaviours.TryAdd(operationId, behaviour))
        {
            throw new InvalidOperationException($"The simulator registers two behaviours for the operation {operationId}.");
        }

        foreach (var (schema, fields) in reads)
        {
            try
            {
                _spec.EnsureHandled(schema, fields);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"The simulator's behaviour for {operationId} does not follow the spec: {e.Message}", e);
            }
        }
    }

    public bool Serves(string path) => Routes.ContainsKey(path);

    public SimulatorOutcome Answer(string path, JToken? body) => Routes[path](body);

    private Dictionary<string, Func<JToken?, SimulatorOutcome>> Routes => _byPath ??= (
        from o in _spec.Operations
        let answer = _behaviours.TryGetValue(o.Id, out var behaviour) ? behaviour : body => FromExample(o, body)
        from path in o.AlternatePaths.Prepend(o.Path)
        select (path, answer))
        .ToDictionary(r => r.path, r => r.answer, StringComparer.Ordinal);

    private SimulatorOutcome FromExample(SpecOperation operation, JToken? body) =>
        body is JObject && _spec.FirstViolation(operation.RequestSchema, body) is null
            ? SimulatorOutcome.Success(operation.SuccessExample.DeepClone())
            : SimulatorOutcome.Error(IxBrowserErrorCodes.MissingRequiredParameters);
}

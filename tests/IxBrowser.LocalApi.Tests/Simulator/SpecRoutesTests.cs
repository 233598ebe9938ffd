using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;
using IxBrowser.LocalApi.Tests.Contract;
using Newtonsoft.Json.Linq;

namespace IxBrowser.LocalApi.Tests.Simulator;

/// <summary>The simulator's routes come from the spec: every operation is served, none by another's logic.</summary>
public class SpecRoutesTests
{
    [Fact]
    public void The_stateful_operations_are_derived_from_the_handlers_and_all_are_in_the_spec()
    {
        // No hand-kept list: a handler's Register decides it. What must hold is that each one is an
        // operation of the spec, and that the operations with state of their own are among them.
        var specOperations = ContractChecker.Operations(SpecDocument.Load().Document).Select(o => o.Operation.OperationId!).ToList();

        Assert.All(IxBrowserSimulator.StatefulOperations, id => Assert.Contains(id, specOperations));
        Assert.Contains("OpenProfile", IxBrowserSimulator.StatefulOperations);
        Assert.Contains("CloseProfile", IxBrowserSimulator.StatefulOperations);
        Assert.Contains("UpdateProxy", IxBrowserSimulator.StatefulOperations);
    }

    [Fact]
    public async Task An_unknown_path_answers_404_and_never_another_operations_logic()
    {
        using var simulator = IxBrowserSimulator.Start();
        using var http = new HttpClient();

        var answer = await http.PostAsync(new Uri(simulator.BaseAddress, "api/v2/proxy-delete-all"), new StringContent("""{"id":24330}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.NotNull(simulator.GetProxy(24330));
        Assert.Empty(simulator.ReceivedRequests);
    }

    [Fact]
    public void An_operation_without_behaviour_answers_its_success_example_after_the_specs_checks()
    {
        // A copy of the spec with one more operation, which the simulator has no behaviour for.
        var yaml = File.ReadAllText(SpecDocument.SpecPath).Replace("components:\n", """
  /api/v2/proxy-archive:
    post:
      operationId: ArchiveProxy
      summary: An operation the simulator has no behaviour for.
      x-error-codes: [1000]
      x-retry-safe: true
      x-success-data:
        kind: int32
        value: 0
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/DeleteProxyRequest'
      responses:
        '200':
          description: The envelope.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/IxBrowserResponse'
              examples:
                success:
                  value: {error: {code: 0, message: success, time: 1}, data: 0}
components:

""", StringComparison.Ordinal);
        var spec = SpecRules.Parse(yaml);
        var routes = OperationRegistry.ForAllHandlers(spec, new SimulatorStore());

        var ok = routes.Answer("/api/v2/proxy-archive", JObject.Parse("""{"id":5}"""));
        var missing = routes.Answer("/api/v2/proxy-archive", JObject.Parse("""{"note":"no id"}"""));
        var belowMinimum = routes.Answer("/api/v2/proxy-archive", JObject.Parse("""{"id":0}"""));

        Assert.Equal((0, "0"), (ok.Code, ok.Data?.ToString()));
        Assert.Equal(IxBrowserErrorCodes.MissingRequiredParameters, missing.Code);
        Assert.Equal(IxBrowserErrorCodes.MissingRequiredParameters, belowMinimum.Code);
        Assert.DoesNotContain("ArchiveProxy", routes.Stateful);
    }

    [Fact]
    public void Behaviour_for_an_operation_the_spec_lacks_stops_the_simulator_from_starting()
    {
        var yaml = File.ReadAllText(SpecDocument.SpecPath).Replace("operationId: DeleteProxy\n", "operationId: RemoveProxy\n", StringComparison.Ordinal);
        var spec = SpecRules.Parse(yaml);

        var error = Assert.Throws<InvalidOperationException>(() => OperationRegistry.ForAllHandlers(spec, new SimulatorStore()));

        Assert.Contains("a behaviour for the operation DeleteProxy, which the spec does not define", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_spec_gains_stops_the_simulator_from_starting_and_names_the_operation()
    {
        var yaml = File.ReadAllText(SpecDocument.SpecPath);
        var extended = SpecRules.Parse(AddProperty(yaml, "DeleteProxyRequest", "force"));

        var error = Assert.Throws<InvalidOperationException>(() => OperationRegistry.ForAllHandlers(extended, new SimulatorStore()));

        Assert.Contains("The simulator's behaviour for DeleteProxy does not follow the spec", error.Message, StringComparison.Ordinal);
        Assert.Contains("[force] unhandled", error.Message, StringComparison.Ordinal);
        Assert.NotNull(OperationRegistry.ForAllHandlers(SpecRules.Parse(yaml), new SimulatorStore()));
    }

    private static string AddProperty(string yaml, string schema, string property)
    {
        var at = yaml.IndexOf("    " + schema + ":\n", StringComparison.Ordinal);
        var properties = yaml.IndexOf("      properties:\n", at, StringComparison.Ordinal) + "      properties:\n".Length;
        return yaml.Insert(properties, "        " + property + ":\n          type: boolean\n");
    }
}

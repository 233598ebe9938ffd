using System;
using System.Linq;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Demo;

/// <summary>Runs the demo's numbered steps and prints each outcome the way a user would want to read it.</summary>
internal sealed class DemoSteps(IxBrowserClient client)
{
    /// <summary>Where the calls go; kept for the messages.</summary>
    public Uri Target { get; } = client.BaseAddress;

    /// <summary>A profile in one line: id, name, proxy mode and its proxy.</summary>
    public static string Describe(ProfileListItem profile) =>
        $"{profile.ProfileId} \"{profile.Name}\" mode {profile.ProxyMode?.ToString() ?? "?"}" +
        (profile.ProxyId is { } id ? $", proxy {id}" : string.Empty) +
        (string.IsNullOrEmpty(profile.ProxyType) ? string.Empty : $", {profile.ProxyType} {profile.ProxyIp}:{profile.ProxyPort}");

    /// <summary>Rotates a proxy's port <paramref name="count"/> times in one bulk run, printing a progress line at every quarter.</summary>
    public static async Task RotateInBulkAsync(IxBrowserClient client, long proxyId, int count, System.Threading.CancellationToken cancellationToken)
    {
        var requests = Enumerable.Range(0, count).Select(i => new UpdateProxyRequest { Id = proxyId, ProxyPort = (20000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var quarter = Math.Max(1, count / 4);
        var progress = new Progress(p =>
        {
            if (p.Done % quarter == 0 || p.Done == p.Total)
            {
                Console.WriteLine("   progress: " + p);
            }
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var items = await client.RunBulkAsync<UpdateProxyRequest, int>(client.UpdateProxyAsync, requests, progress, cancellationToken).ConfigureAwait(false);
        var failed = System.Linq.Enumerable.Count(items, i => i.Status != IxBrowserBulkItemStatus.Succeeded);
        Console.WriteLine($"   result:   {count - failed} succeeded, {failed} failed in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var item in System.Linq.Enumerable.Where(items, i => i.Status == IxBrowserBulkItemStatus.Failed))
        {
            Console.WriteLine("   failed:   " + item);
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {count} bulk items failed.");
        }
    }

    public static bool Skip(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        return true;
    }

    /// <summary>Prints the answer of one call (its data, or the error that replaced it).</summary>
    public static async Task<IxBrowserResponse<TData>> Show<TData>(Task<IxBrowserResponse<TData>> call)
    {
        var response = await call.ConfigureAwait(false);
        Console.WriteLine($"   received: {response}");
        return response;
    }

    /// <summary>Runs a step; true when it ended as expected. A bad argument ends the demo with exit code 2, an unreachable app with 1.</summary>
    public async Task<bool> Run(string title, Func<Task> step, bool expectFailure = false)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        try
        {
            await step().ConfigureAwait(false);
            return !expectFailure;
        }
        catch (IxBrowserApiException e)
        {
            Console.WriteLine($"   received: error {e.Code} ({e.ServerMessage ?? "no message"}) at {e.ServerTime:u}");
            Console.WriteLine($"   thrown:   {e.GetType().Name}: {e.Message}");
            return expectFailure;
        }
        catch (IxBrowserConnectionException e)
        {
            Console.WriteLine($"   thrown:   {e.GetType().Name}: {e.Message}");
            Console.WriteLine();
            Console.WriteLine($"Stopping: the local API at {Target} is not reachable, so the other calls would fail the same way.");
            Environment.Exit(1);
            return false;
        }
        catch (IxBrowserException e)
        {
            Console.WriteLine($"   thrown:   {e.GetType().Name}: {e.Message}");
            return false;
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"   {e.Message}");
            return false;
        }
        catch (ArgumentException e)
        {
            // The client refused a request built from the command line before sending anything.
            Console.Error.WriteLine($"Invalid argument: {e.Message}");
            Console.Error.WriteLine("Run with --help to see every option.");
            Environment.Exit(2);
            return false;
        }
    }

    /// <summary>Reports on the worker's thread, so that the lines come out in order.</summary>
    private sealed class Progress(Action<IxBrowserBulkProgress> report) : IProgress<IxBrowserBulkProgress>
    {
        public void Report(IxBrowserBulkProgress value) => report(value);
    }
}

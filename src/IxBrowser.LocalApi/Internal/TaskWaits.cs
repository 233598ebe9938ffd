using System.Threading;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Internal;

/// <summary>Waiting for a task with a token that stops the wait, not the task (Task.WaitAsync, which netstandard2.0 lacks).</summary>
internal static class TaskWaits
{
    public static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), cancelled))
        {
            await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        await WaitAsync((Task)task, cancellationToken).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }
}

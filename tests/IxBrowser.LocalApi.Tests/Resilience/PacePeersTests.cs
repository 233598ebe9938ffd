using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using IxBrowser.LocalApi.Testing;

namespace IxBrowser.LocalApi.Tests.Resilience;

/// <summary>
/// The counts the gates of different processes leave for each other (issue 21's sharing): each sees the
/// others' fresh counts of its own app only, and a file cut short, a stray temporary file, a stale
/// count or an unwritable directory never reach the pace.
/// </summary>
public sealed class PacePeersTests : IDisposable
{
    private const string App = "http://127.0.0.1:53200";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pace-peers-" + Guid.NewGuid().ToString("N"));
    private readonly DateTime _now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Each_gate_sees_the_other_gates_of_its_app_and_not_itself_or_another_app()
    {
        var first = new PacePeers(_directory, App);
        var second = new PacePeers(_directory, App);
        var otherApp = new PacePeers(_directory, "http://127.0.0.1:53201");

        first.Publish(12, _now);
        second.Publish(7, _now);
        otherApp.Publish(40, _now);

        Assert.Equal(new[] { 7 }, first.ReadOthers(_now));
        Assert.Equal(new[] { 12 }, second.ReadOthers(_now));
        Assert.Empty(otherApp.ReadOthers(_now));
    }

    [Fact]
    public void A_new_count_replaces_the_old_one_whole()
    {
        var first = new PacePeers(_directory, App);
        var second = new PacePeers(_directory, App);

        second.Publish(7, _now);
        second.Publish(9, _now.AddMilliseconds(300));

        Assert.Equal(new[] { 9 }, first.ReadOthers(_now.AddMilliseconds(300)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_gate_writes_at_most_every_200_ms_and_one_caller_at_a_time()
    {
        var peers = new PacePeers(_directory, App);

        Assert.True(peers.ClaimDue(_now));
        Assert.False(peers.ClaimDue(_now), "a second caller at the same moment must not write too");
        Assert.False(peers.ClaimDue(_now.AddMilliseconds(199)));
        Assert.True(peers.ClaimDue(_now.AddMilliseconds(200)));
    }

    [Fact]
    public void A_count_older_than_two_seconds_no_longer_stands_for_its_process()
    {
        var first = new PacePeers(_directory, App);
        var second = new PacePeers(_directory, App);
        second.Publish(7, _now);

        Assert.Equal(new[] { 7 }, first.ReadOthers(_now + PacePeers.Fresh));
        Assert.Empty(first.ReadOthers(_now + PacePeers.Fresh + TimeSpan.FromMilliseconds(1)));
    }

    [Theory]
    [InlineData("7")] // a process stopped before the time and the newline
    [InlineData("7 638")] // ... before the newline
    [InlineData("")]
    [InlineData("-3 638999\n")]
    [InlineData("seven 638999\n")]
    public void A_file_cut_short_or_not_a_count_is_not_read(string text)
    {
        Directory.CreateDirectory(_directory);
        var reader = new PacePeers(_directory, App);
        File.WriteAllText(Path.Combine(_directory, "http___127.0.0.1_53200~cut.pace"), text);

        Assert.Empty(reader.ReadOthers(_now));
    }

    [Fact]
    public void A_write_cut_short_leaves_a_temporary_file_that_nobody_reads_and_the_next_reader_deletes()
    {
        var writer = new PacePeers(_directory, App);
        var reader = new PacePeers(_directory, App);
        writer.Publish(7, _now);
        var cut = Path.Combine(_directory, "http___127.0.0.1_53200~stopped.pace.tmp");
        File.WriteAllText(cut, "25 " + _now.Ticks);
        File.SetLastWriteTimeUtc(cut, _now.AddMinutes(-2));

        Assert.Equal(new[] { 7 }, reader.ReadOthers(_now));
        Assert.False(File.Exists(cut), "a temporary file abandoned for a minute is deleted");
    }

    [Fact]
    public void A_directory_that_cannot_be_written_or_read_leaves_the_pace_to_the_gates_own_answers()
    {
        var notADirectory = Path.Combine(Path.GetTempPath(), "pace-peers-file-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(notADirectory, "a file where the directory should be");
        try
        {
            var peers = new PacePeers(notADirectory, App);

            peers.Publish(7, _now);

            Assert.Empty(peers.ReadOthers(_now));
        }
        finally
        {
            File.Delete(notADirectory);
        }
    }

    [Fact]
    public async Task A_gate_writes_nothing_until_the_app_first_refuses_a_call_and_nothing_at_all_when_told_not_to()
    {
        using var simulator = IxBrowserSimulator.Start();
        var prefix = simulator.BaseAddress.GetLeftPart(UriPartial.Authority).Replace(':', '_').Replace('/', '_') + "~";
        var quiet = simulator.CreateClient(o => (o.ShareGate, o.SharePaceAcrossProcesses) = (false, false));
        var sharing = simulator.CreateClient(o => o.ShareGate = false);

        await sharing.RunBulkAsync<UpdateProxyRequest, int>(sharing.UpdateProxyAsync, Updates(20));
        Assert.Empty(CountsOf(prefix));

        simulator.Faults.ThrottleAbovePerSecond = 10;
        await quiet.RunBulkAsync<UpdateProxyRequest, int>(quiet.UpdateProxyAsync, Updates(20));
        Assert.Empty(CountsOf(prefix));

        await sharing.RunBulkAsync<UpdateProxyRequest, int>(sharing.UpdateProxyAsync, Updates(20));
        var file = Assert.Single(CountsOf(prefix));
        Assert.True(PacePeers.TryRead(file, out var count, out _) && count is > 0 and <= 20, $"count {count}");
    }

    private static string[] CountsOf(string prefix) =>
        Directory.Exists(PacePeers.DefaultDirectory) ? Directory.GetFiles(PacePeers.DefaultDirectory, prefix + "*.pace") : Array.Empty<string>();

    private static System.Collections.Generic.IEnumerable<UpdateProxyRequest> Updates(int count) =>
        Enumerable.Range(0, count).Select(i => new UpdateProxyRequest { Id = IxBrowserSimulator.DocsProxyId, Note = "pace " + i });
}

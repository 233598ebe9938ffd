using System;
using System.Threading.Tasks;

namespace IxBrowser.LocalApi.Tests.Resilience;

/// <summary>
/// The pace spaces sends, not only permits (AdaptiveRateLimiter.OnSent): a request that goes out late
/// after its permit pushes the next permit back, so that two requests never leave close together.
/// </summary>
public class PaceSpacingTests
{
    [Fact]
    public async Task A_send_held_up_after_its_permit_books_the_next_permit_from_the_send()
    {
        // Two a second: a permit books the next one 500 ms later.
        var pace = new AdaptiveRateLimiter(maxRequestsPerSecond: 2);
        using (var first = pace.AttemptAcquire())
        {
            Assert.True(first.IsAcquired);
        }

        // The request of that permit is held up for 700 ms (a continuation that ran late) and only then goes out.
        await Task.Delay(700);
        pace.OnSent(AdaptiveRateLimiter.Now());

        // Booked from the grant, the next permit would be free now and go out right behind the late one.
        using var next = pace.AttemptAcquire();
        Assert.False(next.IsAcquired, "the next permit was free right after a late send");
        Assert.InRange(pace.Hold, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void A_send_on_time_leaves_the_booking_as_it_was()
    {
        var pace = new AdaptiveRateLimiter(maxRequestsPerSecond: 2);
        using (pace.AttemptAcquire())
        {
        }

        var booked = pace.Hold;
        pace.OnSent(AdaptiveRateLimiter.Now());

        // Not pushed back by the send's few microseconds: still within the 500 ms booked at the grant.
        Assert.InRange(pace.Hold, booked - TimeSpan.FromMilliseconds(100), booked);
    }

    [Fact]
    public async Task Unpaced_a_late_send_holds_nothing_back()
    {
        var pace = new AdaptiveRateLimiter(maxRequestsPerSecond: null);
        using (pace.AttemptAcquire())
        {
        }

        await Task.Delay(50);
        pace.OnSent(AdaptiveRateLimiter.Now());

        using var next = pace.AttemptAcquire();
        Assert.True(next.IsAcquired);
        Assert.Equal(TimeSpan.Zero, pace.Hold);
    }
}

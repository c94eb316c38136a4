namespace HwLab.Native.Tests;

/// <summary>Runs test code on a fresh thread, so that pins and per-thread state never touch the runner's threads.</summary>
internal static class TestThreads
{
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The worker thread failed.", failure);
        }
        return result;
    }
}

namespace HwLab.PagePool.Reserve;

/// <summary>
/// The scenario's tasks and processes for one run: a.out (the memory consumer, which the OOM
/// killer marks, the file writers and, when a thread holds the lock, the thread that does, all
/// sharing one mm), the writeback worker, a journal daemon
/// in a process of its own, and under the reaper policy the OOM reaper; and which of them holds the
/// scenario's lock.
/// </summary>
internal sealed record Cast(IReadOnlyList<SimTask> Tasks, IReadOnlyList<ModelProcess> Processes, ModelProcess VictimProcess, SimTask Holder)
{
    public static Cast For(ReserveScenario scenario, ReservePolicy policy)
    {
        long id = 1;
        var aout = new ModelProcess(id, "a.out");
        var tasks = new List<SimTask>();
        var consumer = new MemoryConsumer(id++, aout, scenario.ConsumerStartTick, scenario.ExitPages);
        aout.AddThread(consumer);
        tasks.Add(consumer);
        for (int i = 0; i < scenario.FileWriters; i++)
        {
            var writer = new FileWriter(id++, i, aout);
            aout.AddThread(writer);
            tasks.Add(writer);
        }
        SimTask? lockingThread = null;
        if (scenario.LockHolder == LockHolder.DyingThread)
        {
            lockingThread = new LockHoldingThread(id++, aout);
            aout.AddThread(lockingThread);
            tasks.Add(lockingThread);
        }
        var worker = new WritebackWorker(id++, holdsScenarioLock: scenario.LockHolder == LockHolder.KernelThread);
        tasks.Add(worker);
        var journald = new ModelProcess(id, "systemd-journal");
        var journal = new JournalDaemon(id++, journald);
        journald.AddThread(journal);
        tasks.Add(journal);
        if (policy == ReservePolicy.Reaper)
        {
            tasks.Add(new OomReaper(id));
        }
        return new Cast(tasks, [aout, journald], aout, lockingThread ?? worker);
    }
}

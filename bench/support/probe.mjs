// Loaded into each server under test with `node --import`: answers the coordinator's questions about the
// process (CPU time, memory, event-loop delay) over the IPC channel. Plain JavaScript, so the server runs
// exactly as in production, without a TypeScript loader.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import process from 'node:process';

// CPU time of the main thread alone (the event loop), from Linux's per-thread accounting: fields 14 and 15 of
// /proc/self/task/<pid>/stat, in clock ticks. Worker threads, garbage-collection helpers and libuv's pool are
// in process.cpuUsage() but not here. Null where /proc is not there.
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const mainThreadCpuSeconds = () => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
};

// The histogram's samples include its own timer period; it is taken off so that an idle loop reads about 0.
const RESOLUTION_MS = 1;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
const late = (nanoseconds) => Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS);

// Garbage-collection pauses since the last reset: young (scavenges) and full (mark-compact), count and longest.
const freshGc = () => ({
  young: { count: 0, totalMs: 0, maxMs: 0 },
  full: { count: 0, totalMs: 0, maxMs: 0 },
});
let gc = freshGc();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR ? gc.full : gc.young;
    kind.count += 1;
    kind.totalMs += entry.duration;
    kind.maxMs = Math.max(kind.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

process.on('message', (message) => {
  if (!message || message.type !== 'probe') return;
  if (message.gc && typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  const cpu = process.cpuUsage();
  const reply = {
    type: 'probe',
    id: message.id,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    mainThreadCpuSeconds: mainThreadCpuSeconds(),
    rssBytes: process.memoryUsage().rss,
    heapUsedBytes: process.memoryUsage().heapUsed,
    eventLoopDelayMs: {
      p50: late(delay.percentile(50)),
      p99: late(delay.percentile(99)),
      max: late(delay.max),
    },
    gc,
  };
  if (message.reset) {
    delay.reset();
    gc = freshGc();
  }
  process.send(reply);
});
// The IPC channel must not keep the server alive on its own, nor stop it from exiting when told to.
process.channel?.unref();

// `BENCH_PROFILE=1 npm run bench …` profiles each server under test while its steps run, with the inspector:
// `{ type: 'profile', action: 'start' | 'stop', file }` (the file is written on stop, for Chrome DevTools).
// `BENCH_PROFILE=heap` (`kind: 'heap'`) samples allocations instead (a .heapprofile: which code allocates how much).
const { Session } = await import('node:inspector/promises');
const { writeFile } = await import('node:fs/promises');
let profiler = null;
let heap = false;
process.on('message', async (message) => {
  if (!message || message.type !== 'profile') return;
  if (message.action === 'start' && !profiler) {
    profiler = new Session();
    profiler.connect();
    heap = message.kind === 'heap';
    if (heap)
      await profiler.post('HeapProfiler.startSampling', {
        samplingInterval: 32 * 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    else {
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
  } else if (message.action === 'stop' && profiler) {
    const { profile } = await profiler.post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
    profiler.disconnect();
    profiler = null;
    await writeFile(message.file, JSON.stringify(profile));
  }
  process.send({ type: 'profiled', id: message.id });
});

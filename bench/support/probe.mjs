// Loaded into each server under test with `node --import`: answers the coordinator's questions about the
// process (CPU time, memory, event-loop delay) over the IPC channel. Plain JavaScript, so the server runs
// exactly as in production, without a TypeScript loader.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import process from 'node:process';

// The histogram's samples include its own timer period; it is taken off so that an idle loop reads about 0.
const RESOLUTION_MS = 1;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
const late = (nanoseconds) => Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS);

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
    rssBytes: process.memoryUsage().rss,
    heapUsedBytes: process.memoryUsage().heapUsed,
    eventLoopDelayMs: {
      p50: late(delay.percentile(50)),
      p99: late(delay.percentile(99)),
      max: late(delay.max),
    },
  };
  if (message.reset) delay.reset();
  process.send(reply);
});
// The IPC channel must not keep the server alive on its own, nor stop it from exiting when told to.
process.channel?.unref();

// `BENCH_PROFILE=1 npm run bench …` profiles each server under test while its steps run, with the inspector:
// `{ type: 'profile', action: 'start' | 'stop', file }` (the file is written on stop, for Chrome DevTools).
const { Session } = await import('node:inspector/promises');
const { writeFile } = await import('node:fs/promises');
let profiler = null;
process.on('message', async (message) => {
  if (!message || message.type !== 'profile') return;
  if (message.action === 'start' && !profiler) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  } else if (message.action === 'stop' && profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = null;
    await writeFile(message.file, JSON.stringify(profile));
  }
  process.send({ type: 'profiled', id: message.id });
});

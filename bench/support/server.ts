import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { outputOf, startNode, stopProcess } from '../../test/support/node-process.js';

export interface Probe {
  cpuSeconds: number;
  /** The main thread's alone (the event loop): null where the system does not say. */
  mainThreadCpuSeconds: number | null;
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Garbage-collection pauses since the last reset. */
  gc: Record<'young' | 'full', { count: number; totalMs: number; maxMs: number }>;
}

/** A server process under test, with the probe loaded into it. */
export interface ServerUnderTest {
  kind: 'hearth' | 'bare';
  url: string;
  dataDir: string | null;
  /** Reads CPU time, memory and event-loop delay; `gc` collects garbage first, `reset` restarts the delay histogram. */
  probe(options?: { gc?: boolean; reset?: boolean }): Promise<Probe>;
  /** Starts a CPU profile, or stops it and writes it to `file` (a .cpuprofile for Chrome DevTools). */
  profile(action: 'start' | 'stop', file?: string): Promise<void>;
  stop(): Promise<void>;
}

const PROBE = resolve('bench/support/probe.mjs');
/** Node flags for every server under test: the probe, and a garbage collector it may call before reading memory. */
const PROBED = ['--expose-gc', '--import', PROBE];

function wrap(
  kind: ServerUnderTest['kind'],
  child: ChildProcess,
  url: string,
  stop: () => Promise<void>,
  dataDir: string | null = null,
) {
  const pending = new Map<string, (reply: Probe) => void>();
  child.on('message', (message: { type?: string; id?: string } & Probe) => {
    if ((message.type === 'probe' || message.type === 'profiled') && message.id)
      pending.get(message.id)?.(message);
  });
  const ask = <T>(question: object) =>
    new Promise<T>((done) => {
      const id = randomUUID();
      pending.set(id, (reply) => {
        pending.delete(id);
        done(reply as T);
      });
      child.send({ ...question, id });
    });
  const server: ServerUnderTest = {
    kind,
    url,
    dataDir,
    probe: (options = {}) => ask<Probe>({ type: 'probe', ...options }),
    profile: (action, file) =>
      ask<void>({
        type: 'profile',
        action,
        file,
        kind: process.env.BENCH_PROFILE === 'heap' ? 'heap' : 'cpu',
      }),
    stop,
  };
  return server;
}

/** CHAT_MAX_CONNECTIONS_PER_USER for every Hearth under test: an account's connections (G's abuser has them all). */
export const MAX_CONNECTIONS_PER_USER = 100;

/** Hearth as `npm start` runs it (the built server), on a fresh SQLite database, with limits opened for load. */
export async function startHearth(env: Record<string, string> = {}): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  const node = await startNode(
    {
      DATA_DIR: dataDir,
      WEB_ROOT: join(dataDir, 'no-web-client'),
      // The load comes from a few accounts on one address: per-person and per-address limits would only
      // measure themselves.
      CHAT_RATE_LIMIT: '1000000',
      CHAT_RATE_WINDOW: '1',
      CHAT_MAX_CONNECTIONS_PER_USER: String(MAX_CONNECTIONS_PER_USER),
      THROTTLE_LIMIT: '1000000',
      AUTH_THROTTLE_LIMIT: '1000000',
      STAFF_2FA: 'optional',
      // `BENCH_SERVER_ENV='{"SQLITE_CHECKPOINT_MS":"0"}'`: settings to compare one run against another.
      ...(JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}') as Record<string, string>),
      ...env,
    },
    { execArgv: PROBED, ipc: true, timeoutMs: 60_000 },
  );
  const stop = async () => {
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return wrap('hearth', node.process, node.url, stop, dataDir);
}

/** The bare socket.io baseline. */
export async function startBare(): Promise<ServerUnderTest> {
  const child = spawn(
    process.execPath,
    [...PROBED, '--import', 'tsx', resolve('bench/servers/bare-server.ts')],
    { env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const lines = outputOf(child);
  const port = await new Promise<number>((done, fail) => {
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port) done(message.port);
    });
    child.once('exit', () => fail(new Error(`The bare server exited:\n${lines.join('\n')}`)));
  });
  return wrap('bare', child, `http://127.0.0.1:${port}`, () => stopProcess(child));
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { freePort } from '../../test/support/node-process.js';

export interface Probe {
  cpuSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
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
export const BUILT_SERVER = resolve('dist/apps/api/main.js');

function wrap(kind: ServerUnderTest['kind'], child: ChildProcess, url: string, dataDir: string | null) {
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
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const server: ServerUnderTest = {
    kind,
    url,
    dataDir,
    probe: (options = {}) => ask<Probe>({ type: 'probe', ...options }),
    profile: (action, file) => ask<void>({ type: 'profile', action, file }),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

function output(child: ChildProcess): string[] {
  const lines: string[] = [];
  const keep = (chunk: Buffer) =>
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).slice(-50));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return lines;
}

/** Hearth as `npm start` runs it (the built server), on a fresh SQLite database, with limits opened for load. */
export async function startHearth(env: Record<string, string> = {}): Promise<ServerUnderTest> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, BUILT_SERVER], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WEB_ROOT: join(dataDir, 'no-web-client'),
      // The load comes from a few accounts on one address: per-person and per-address limits would only
      // measure themselves.
      CHAT_RATE_LIMIT: '1000000',
      CHAT_RATE_WINDOW: '1',
      CHAT_MAX_CONNECTIONS_PER_USER: '100',
      THROTTLE_LIMIT: '1000000',
      AUTH_THROTTLE_LIMIT: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines = output(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hearth exited while starting:\n${lines.join('\n')}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`Hearth did not start:\n${lines.join('\n')}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return wrap('hearth', child, url, dataDir);
}

/** The bare socket.io baseline. */
export async function startBare(): Promise<ServerUnderTest> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', PROBE, '--import', 'tsx', resolve('bench/servers/bare-server.ts')],
    { env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  const lines = output(child);
  const port = await new Promise<number>((done, fail) => {
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port) done(message.port);
    });
    child.once('exit', () => fail(new Error(`The bare server exited:\n${lines.join('\n')}`)));
  });
  return wrap('bare', child, `http://127.0.0.1:${port}`, null);
}

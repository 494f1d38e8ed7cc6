import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

import supertest from 'supertest';

import type { ApiTarget } from './app.js';

/** The built server, as `npm start` runs it. */
export const BUILT_SERVER = resolve('dist/apps/api/main.js');

/** An API server running in its own process. */
export interface ApiNode extends ApiTarget {
  process: ChildProcess;
  /** What the process wrote to stdout and stderr (its last 200 lines), for diagnosing a failure. */
  output: string[];
  close: () => Promise<void>;
}

/** Whether the server is built; a failure where REQUIRE_SERVICES=1, since CI builds before it tests. */
export function builtServerAvailable(): boolean {
  if (existsSync(BUILT_SERVER)) return true;
  if (process.env.REQUIRE_SERVICES === '1') {
    throw new Error(`REQUIRE_SERVICES=1 but ${BUILT_SERVER} is missing: run npm run build first`);
  }
  console.warn(`Skipping cluster tests: ${BUILT_SERVER} is missing (npm run build)`);
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface StartOptions {
  /** Node flags before the script (the benchmark loads its probe with them). */
  execArgv?: string[];
  /** Opens an IPC channel to the process. */
  ipc?: boolean;
  timeoutMs?: number;
}

/** Starts `node dist/apps/api/main.js` with the given settings and waits until its health check answers. */
export async function startNode(env: Record<string, string>, options: StartOptions = {}): Promise<ApiNode> {
  const { execArgv = [], ipc = false, timeoutMs = 30_000 } = options;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...execArgv, BUILT_SERVER], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const output = outputOf(child);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The node exited with ${child.exitCode} before it was ready:\n${output.join('\n')}`);
    }
    const ready = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The node was not ready within ${timeoutMs} ms:\n${output.join('\n')}`);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }

  const sockets: ApiTarget['sockets'] = [];
  return {
    url,
    sockets,
    process: child,
    output,
    request: () => supertest.agent(url),
    close: async () => {
      for (const socket of sockets) socket.disconnect();
      await stopProcess(child);
    },
  };
}

/** What a process writes to stdout and stderr: its last 200 lines, for diagnosing a failure. */
export function outputOf(child: ChildProcess): string[] {
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 200));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return output;
}

/** SIGTERM, and SIGKILL if the process has not exited 10 s later. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

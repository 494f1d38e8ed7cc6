import { mkdtempSync, rmSync } from 'node:fs';
import type { Agent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import supertest from 'supertest';

import { loadConfig, ManualClock, type HearthConfig } from '@hearth/core';

import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';

/** What the test helpers need from a running API: one in this process (TestApp) or a spawned one (ApiNode). */
export interface ApiTarget {
  url: string;
  /** Client sockets opened on this target, disconnected on close. */
  sockets: { disconnect: () => unknown }[];
  request: () => supertest.Agent;
  /** Present in-process only: the server's clock, moved by hand. */
  clock?: ManualClock;
}

export interface TestApp {
  app: NestExpressApplication;
  config: HearthConfig;
  /** Starts at the real time, moves 1 ms per reading; tests move it further by hand. */
  clock: ManualClock;
  /** Every log line the app wrote, when started with `captureLogs`. */
  logs: string[];
  url: string;
  /** Client sockets opened by the test; closed with the app. */
  sockets: { disconnect: () => unknown }[];
  request: () => supertest.Agent;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  captureLogs?: boolean;
  /** Leave DATA_DIR in place on close (for tests that restart on the same data). */
  keepDataDir?: boolean;
  /** Listen on this port instead of a free one (for a PUBLIC_URL known before start, as passkeys need). */
  port?: number;
  /** For outbound HTTPS: one that trusts a test push service's certificate. */
  outboundAgent?: Agent;
}

/** Boots the real AppModule on a fresh SQLite file (or the given DATABASE_URL) and listens on a free port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.env?.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'hearth-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: options.captureLogs ? 'debug' : 'silent',
    THROTTLE_LIMIT: '100000',
    AUTH_THROTTLE_LIMIT: '100000',
    // Staff two-step verification has its own spec (test/identity/two-factor); elsewhere staff sign in with a password.
    STAFF_2FA: 'optional',
    ...options.env,
  });
  const clock = new ManualClock(new Date(), 1);
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  // NestFactory (not the testing module) so that providers that need the HTTP adapter at creation, such as
  // the web client's static files, see the same adapter as in production.
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, { clock, logDestination, outboundAgent: options.outboundAgent }),
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  await configureApp(app, config);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const sockets: TestApp['sockets'] = [];
  return {
    sockets,
    app,
    config,
    clock,
    logs,
    url: `http://127.0.0.1:${port}`,
    request: () => supertest.agent(app.getHttpServer()),
    close: async () => {
      for (const socket of sockets) socket.disconnect();
      await app.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

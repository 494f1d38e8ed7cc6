import 'reflect-metadata';

import { existsSync } from 'node:fs';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { ConfigurationError, loadConfig, type HearthConfig } from '@hearth/core';

import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

function readConfig(): HearthConfig {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  return loadConfig(process.env);
}

/**
 * A stop asked for is a stop within this long, whatever a dependency does (Redis unreachable, a client that
 * will not let go): requests in flight get this long to finish, then the process exits anyway.
 */
const SHUTDOWN_DEADLINE_MS = 8_000;

function boundShutdown(): void {
  const arm = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      new Logger('Shutdown').error(
        { signal },
        `Still stopping after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting now`,
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, arm);
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  await configureApp(app, config);
  boundShutdown();
  await app.listen(config.http.port, config.http.host);
  new Logger('Hearth').log(
    { url: await app.getUrl(), database: config.database.type },
    'Hearth is listening',
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('Hearth failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});

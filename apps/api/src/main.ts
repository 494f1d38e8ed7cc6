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

async function bootstrap(): Promise<void> {
  const config = readConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  await configureApp(app, config);
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

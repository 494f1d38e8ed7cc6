import type { Agent } from 'node:https';

import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';

import { Clock } from './clock/clock.js';
import { PersonalDataRegistry } from './data-rights/personal-data.js';
import type { HearthConfig } from './config/hearth-config.js';
import { resolveSecrets, type Secrets } from './config/secrets.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { connectAndMigrate } from './database/migrate.js';
import { Transactions } from './database/transactions.js';
import { HealthController } from './health/health.controller.js';
import { RateLimitGuard } from './http/rate-limit.guard.js';
import { ShutdownReporter } from './lifecycle/shutdown.js';
import { HearthLogger, ROOT_LOGGER } from './logging/hearth-logger.js';
import { Mailer } from './mail/mailer.js';
import { createRootLogger } from './logging/http-logger.js';
import { Shredder } from './database/shredder.js';
import { EventRelay } from './events/event-relay.js';
import { SharedState } from './shared-state/shared-state.js';

export const SECRETS = Symbol('SECRETS');

export interface CoreOptions {
  /** Where logs go (stdout by default); tests capture them here. */
  logDestination?: DestinationStream;
  /** Replaces the system clock; tests move time by hand. */
  clock?: Clock;
  /**
   * The agent for outbound HTTPS to push services (the platform's default when absent); tests pass one that
   * trusts their local push service's certificate.
   */
  outboundAgent?: Agent;
}

/** The `https.Agent` for outbound requests, or null for Node's default (see `CoreOptions.outboundAgent`). */
export const OUTBOUND_AGENT = Symbol('OUTBOUND_AGENT');

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: HearthConfig, options: CoreOptions = {}): DynamicModule {
    const secrets: Secrets = resolveSecrets(config);
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildDataSourceOptions(config.database),
            autoLoadEntities: true,
          }),
          dataSourceFactory: (options) => connectAndMigrate(options!),
        }),
        EventEmitterModule.forRoot({ wildcard: false }),
        ScheduleModule.forRoot(),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: SECRETS, useValue: secrets },
        { provide: OUTBOUND_AGENT, useValue: options.outboundAgent ?? null },
        { provide: ROOT_LOGGER, useValue: createRootLogger(config.logLevel, options.logDestination) },
        HearthLogger,
        RateLimitGuard,
        ShutdownReporter,
        { provide: Clock, useValue: options.clock ?? new Clock() },
        Transactions,
        Shredder,
        PersonalDataRegistry,
        EventRelay,
        Mailer,
        { provide: SharedState, useFactory: () => SharedState.create(config.redisUrl, config.redisPrefix) },
      ],
      exports: [
        SECRETS,
        OUTBOUND_AGENT,
        ROOT_LOGGER,
        HearthLogger,
        RateLimitGuard,
        Clock,
        Transactions,
        Shredder,
        PersonalDataRegistry,
        SharedState,
        Mailer,
      ],
    };
  }
}

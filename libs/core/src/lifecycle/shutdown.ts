import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Says when a shutdown starts. Nest then closes the HTTP server (no new connections; requests in flight
 * finish), then the modules (the database last), then re-raises the signal.
 */
@Injectable()
export class ShutdownReporter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log({ signal }, 'Shutting down: finishing requests in flight');
  }
}

import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';

import { ChatIoAdapter } from '@hearth/chat';
import {
  createHttpLogger,
  HearthLogger,
  refuseDeepBodies,
  ROOT_LOGGER,
  type HearthConfig,
} from '@hearth/core';

import { setupOpenApi } from './openapi.js';

/**
 * The web client is bundled whole (no CDN, no inline script or style), so it runs under a policy that allows
 * nothing but this origin.
 */
const STRICT_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** HTTP conventions shared by the server and the e2e tests, so that tests exercise what production runs. */
export async function configureApp(app: NestExpressApplication, config: HearthConfig): Promise<void> {
  app.useLogger(app.get(HearthLogger));
  app.use(createHttpLogger(app.get<Logger>(ROOT_LOGGER)));
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP } }));
  // Swagger UI carries inline styles; only its own pages get that allowance.
  app.use('/api/docs', helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.enableCors({ origin: config.http.corsOrigins, credentials: true, maxAge: 600 });
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.use(refuseDeepBodies);
  const sockets = new ChatIoAdapter(app, config);
  await sockets.connect();
  app.useWebSocketAdapter(sockets);
  app.enableShutdownHooks();
  if (config.http.apiDocs) {
    setupOpenApi(app);
  }
}

import { sep } from 'node:path';

import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';

import {
  CoreModule,
  createValidationPipe,
  HttpErrorFilter,
  RateLimitGuard,
  type CoreOptions,
  type HearthConfig,
} from '@hearth/core';
import { ChatModule } from '@hearth/chat';
import { GroupsModule } from '@hearth/groups';
import { IdentityModule } from '@hearth/identity';
import { JournalModule } from '@hearth/journal';
import { ModerationModule } from '@hearth/moderation';
import { NotificationsModule } from '@hearth/notifications';
import { QuestionnairesModule } from '@hearth/questionnaires';

/** Composes the domain libraries into the Hearth API. */
@Module({})
export class AppModule {
  static register(config: HearthConfig, options: CoreOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options),
        IdentityModule,
        GroupsModule,
        ChatModule,
        ModerationModule,
        JournalModule,
        QuestionnairesModule,
        NotificationsModule,
        ...(config.http.webRoot ? [serveWebClient(config.http.webRoot)] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
      ],
    };
  }
}

/** The built web client at `/`; every path outside the API falls back to its index.html (client routing). */
function serveWebClient(rootPath: string): DynamicModule {
  return ServeStaticModule.forRoot({
    rootPath,
    exclude: ['/api/{*path}'],
    serveStaticOptions: {
      index: 'index.html',
      // Vite names bundles by content hash: they never change; index.html always revalidates.
      setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
        res.setHeader(
          'Cache-Control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    },
  });
}

import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';

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
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
      ],
    };
  }
}

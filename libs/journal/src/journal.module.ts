import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { IdentityModule } from '@hearth/identity';

import { EntriesController } from './entries/entries.controller.js';
import { EntriesService } from './entries/entries.service.js';
import { EntryCodec } from './entries/entry-codec.js';
import { journalEntities } from './entities.js';
import { JournalKeysService } from './keys/journal-keys.service.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsService } from './sessions/sessions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(journalEntities), IdentityModule],
  controllers: [EntriesController, SessionsController],
  providers: [EntriesService, EntryCodec, JournalKeysService, SessionsService],
  exports: [EntriesService, JournalKeysService],
})
export class JournalModule {}

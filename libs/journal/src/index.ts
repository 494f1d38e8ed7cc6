export { JournalModule } from './journal.module.js';
export { journalEntities } from './entities.js';
export { JournalKeysService, rewrapAll } from './keys/journal-keys.service.js';
export { JournalKey } from './keys/journal-key.entity.js';

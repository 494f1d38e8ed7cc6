export { JournalModule } from './journal.module.js';
export { journalEntities } from './entities.js';
export { JournalKeysService, rewrapAll } from './keys/journal-keys.service.js';

export { journalEntities } from './entities.js';

export { moderationEntities } from './entities.js';

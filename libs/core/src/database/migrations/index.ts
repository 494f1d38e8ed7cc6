import { CreateIdentity1796036400000 } from './1796036400000-CreateIdentity.js';

/** Every migration, in order. Registered as classes because a bundled build cannot find files by glob. */
export const migrations = [CreateIdentity1796036400000];

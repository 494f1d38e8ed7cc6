import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { buildDataSourceOptions, loadConfig } from '@hearth/core';
import { chatEntities } from '@hearth/chat';
import { groupsEntities } from '@hearth/groups';
import { identityEntities } from '@hearth/identity';
import { journalEntities } from '@hearth/journal';
import { moderationEntities } from '@hearth/moderation';
import { notificationsEntities } from '@hearth/notifications';
import { questionnairesEntities } from '@hearth/questionnaires';

/** For the TypeORM CLI (npm run migration:generate / migration:run): the same definition the application uses. */
export default new DataSource(
  buildDataSourceOptions(loadConfig(process.env).database, [
    ...identityEntities,
    ...groupsEntities,
    ...chatEntities,
    ...moderationEntities,
    ...notificationsEntities,
    ...questionnairesEntities,
    ...journalEntities,
  ]),
);

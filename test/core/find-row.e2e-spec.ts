import { DataSource, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

import { findRow } from '@hearth/core';
import { Group, Membership } from '@hearth/groups';
import { User } from '@hearth/identity';

import { createTestApp, type TestApp } from '../support/app.js';
import { createGroup } from '../support/groups.js';
import { postgresAvailable, postgresEnv } from '../support/postgres.js';
import { registerUser } from '../support/users.js';

/**
 * findRow (plain SQL for the lookups every request makes) must give exactly the entity TypeORM's own query would:
 * the same dates, booleans, nulls and transformed values, on SQLite and on PostgreSQL.
 */
async function sameAsTypeorm(t: TestApp): Promise<void> {
  const owner = await registerUser(t);
  const member = await registerUser(t);
  const group = await createGroup(t, owner);
  await t.request().post(`/api/auth/logout`).set('authorization', `Bearer ${member.tokens.accessToken}`);
  const { manager } = t.app.get(DataSource);
  const compare = async <T extends ObjectLiteral>(target: EntityTarget<T>, where: Record<string, string>) => {
    const expected = await manager.findOneBy(target, where as FindOptionsWhere<T>);
    expect(expected).not.toBeNull();
    expect(await findRow(manager, target, where as Partial<Record<keyof T & string, string>>)).toEqual(
      expected,
    );
  };
  await compare(User, { id: owner.id });
  // Sessions by entity name: the identity library keeps its Session entity to itself.
  const sessions = await manager.findBy<{ id: string; userId: string }>('Session', {
    userId: member.id,
  });
  expect(sessions.length).toBeGreaterThan(0);
  for (const session of sessions) await compare('Session', { id: session.id, userId: member.id });
  await compare(Group, { id: group.id });
  await compare(Membership, { groupId: group.id, userId: owner.id });
  expect(await findRow(manager, Membership, { groupId: group.id, userId: member.id })).toBeNull();
  await expect(findRow(manager, User, { nothing: 'x' } as never)).rejects.toThrow(
    'User has no column nothing',
  );
}

const target = await postgresAvailable();

describe('findRow', () => {
  it('reads the same entities as TypeORM on SQLite', async () => {
    const t = await createTestApp();
    try {
      await sameAsTypeorm(t);
    } finally {
      await t.close();
    }
  });

  (target ? it : it.skip)('reads the same entities as TypeORM on PostgreSQL', async () => {
    const database = await target!.createDatabase('hearth_find_row');
    const t = await createTestApp({ env: postgresEnv(target!, database) });
    try {
      await sameAsTypeorm(t);
    } finally {
      await t.close();
      await target!.dropDatabase(database);
    }
  });
});

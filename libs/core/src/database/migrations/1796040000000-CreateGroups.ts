import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

export class CreateGroups1796040000000 implements MigrationInterface {
  name = 'CreateGroups1796040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const id = { name: 'id', type: t.uuid, isPrimary: true };
    const groupId = { name: 'group_id', type: t.uuid };
    const userId = { name: 'user_id', type: t.uuid };

    await queryRunner.createTable(
      new Table({
        name: 'groups',
        columns: [
          id,
          { name: 'name', type: t.varchar, length: '80' },
          { name: 'description', type: t.text },
          { name: 'kind', type: t.varchar, length: '16' },
          { name: 'ends_on', type: t.varchar, length: '10', isNullable: true },
          { name: 'visibility', type: t.varchar, length: '16' },
          { name: 'capacity', type: t.integer },
          { name: 'seats_taken', type: t.integer },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'timezone', type: t.varchar, length: '64' },
          { name: 'agreement_version', type: t.integer },
          { name: 'created_by', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
          { name: 'archived_at', type: t.timestamp, isNullable: true },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [
          id,
          groupId,
          userId,
          { name: 'role', type: t.varchar, length: '16' },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'pseudonym', type: t.varchar, length: '32', isNullable: true },
          { name: 'pseudonym_key', type: t.varchar, length: '64', isNullable: true },
          { name: 'agreement_version', type: t.integer, isNullable: true },
          { name: 'agreement_accepted_at', type: t.timestamp, isNullable: true },
          { name: 'joined_at', type: t.timestamp, isNullable: true },
          { name: 'ended_at', type: t.timestamp, isNullable: true },
          { name: 'ended_reason', type: t.varchar, length: '16', isNullable: true },
          { name: 'ended_note', type: t.text, isNullable: true },
          { name: 'ended_by', type: t.uuid, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups'), cascadingForeignKey('user_id', 'users')],
        indices: [
          new TableIndex({
            name: 'UQ_memberships_group_user',
            columnNames: ['group_id', 'user_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'UQ_memberships_group_pseudonym',
            columnNames: ['group_id', 'pseudonym_key'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_memberships_user', columnNames: ['user_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'group_agreements',
        columns: [
          id,
          groupId,
          { name: 'version', type: t.integer },
          { name: 'text', type: t.text },
          { name: 'published_by', type: t.uuid },
          { name: 'published_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [
          new TableIndex({
            name: 'UQ_group_agreements_version',
            columnNames: ['group_id', 'version'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agreement_acceptances',
        columns: [
          id,
          groupId,
          userId,
          { name: 'version', type: t.integer },
          { name: 'accepted_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [
          new TableIndex({
            name: 'IDX_agreement_acceptances_group_user',
            columnNames: ['group_id', 'user_id'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'invites',
        columns: [
          id,
          groupId,
          { name: 'code_hash', type: t.varchar, length: '64', isUnique: true },
          { name: 'code_hint', type: t.varchar, length: '8' },
          { name: 'label', type: t.varchar, length: '80', isNullable: true },
          { name: 'created_by', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
          { name: 'expires_at', type: t.timestamp, isNullable: true },
          { name: 'max_uses', type: t.integer, isNullable: true },
          { name: 'uses', type: t.integer },
          { name: 'revoked_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [new TableIndex({ name: 'IDX_invites_group', columnNames: ['group_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'join_requests',
        columns: [
          id,
          groupId,
          userId,
          { name: 'pseudonym', type: t.varchar, length: '32' },
          { name: 'message', type: t.text, isNullable: true },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'created_at', type: t.timestamp },
          { name: 'decided_by', type: t.uuid, isNullable: true },
          { name: 'decided_at', type: t.timestamp, isNullable: true },
          { name: 'decision_note', type: t.text, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups'), cascadingForeignKey('user_id', 'users')],
        indices: [
          new TableIndex({ name: 'IDX_join_requests_group_status', columnNames: ['group_id', 'status'] }),
          new TableIndex({
            name: 'UQ_join_requests_pending',
            columnNames: ['group_id', 'user_id'],
            isUnique: true,
            where: "status = 'pending'",
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'meetings',
        columns: [
          id,
          groupId,
          { name: 'title', type: t.varchar, length: '120' },
          { name: 'starts_at', type: t.timestamp },
          { name: 'duration_minutes', type: t.integer },
          { name: 'location', type: t.varchar, length: '500', isNullable: true },
          { name: 'video_url', type: t.varchar, length: '500', isNullable: true },
          { name: 'recurrence', type: t.varchar, length: '16', isNullable: true },
          { name: 'recurrence_ends_at', type: t.timestamp, isNullable: true },
          { name: 'created_by', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [new TableIndex({ name: 'IDX_meetings_group', columnNames: ['group_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'meeting_cancellations',
        columns: [
          { name: 'meeting_id', type: t.uuid, isPrimary: true },
          { name: 'occurrence_starts_at', type: t.timestamp, isPrimary: true },
          { name: 'cancelled_by', type: t.uuid },
          { name: 'cancelled_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('meeting_id', 'meetings')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'calendar_feeds',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'token_hash', type: t.varchar, length: '64', isUnique: true },
          { name: 'created_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'meeting_cancellations',
      'meetings',
      'join_requests',
      'invites',
      'agreement_acceptances',
      'group_agreements',
      'memberships',
      'groups',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

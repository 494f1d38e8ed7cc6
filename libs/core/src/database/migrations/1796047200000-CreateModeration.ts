import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

export class CreateModeration1796047200000 implements MigrationInterface {
  name = 'CreateModeration1796047200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const id = { name: 'id', type: t.uuid, isPrimary: true };

    await queryRunner.createTable(
      new Table({
        name: 'room_settings',
        columns: [
          { name: 'group_id', type: t.uuid, isPrimary: true },
          { name: 'mode', type: t.varchar, length: '16' },
          { name: 'slow_seconds', type: t.integer, isNullable: true },
          { name: 'premoderate_days', type: t.integer, isNullable: true },
          { name: 'new_member_link_days', type: t.integer },
          { name: 'crisis_country', type: t.varchar, length: '2', isNullable: true },
          { name: 'crisis_resources', type: t.text, isNullable: true },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'instance_settings',
        columns: [
          { name: 'key', type: t.varchar, length: '64', isPrimary: true },
          { name: 'value', type: t.text },
          { name: 'updated_at', type: t.timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'blocked_terms',
        columns: [
          id,
          { name: 'group_id', type: t.uuid, isNullable: true },
          { name: 'term', type: t.varchar, length: '100' },
          { name: 'action', type: t.varchar, length: '16' },
          { name: 'created_by', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
        ],
        indices: [new TableIndex({ name: 'IDX_blocked_terms_group', columnNames: ['group_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mutes',
        columns: [
          id,
          { name: 'group_id', type: t.uuid },
          { name: 'user_id', type: t.uuid },
          { name: 'muted_by', type: t.uuid },
          { name: 'reason', type: t.text, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'ends_at', type: t.timestamp, isNullable: true },
          { name: 'lifted_at', type: t.timestamp, isNullable: true },
          { name: 'lifted_by', type: t.uuid, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_mutes_group_user', columnNames: ['group_id', 'user_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pins',
        columns: [
          { name: 'message_id', type: t.uuid, isPrimary: true },
          { name: 'group_id', type: t.uuid },
          { name: 'pinned_by', type: t.uuid },
          { name: 'pinned_at', type: t.timestamp },
        ],
        indices: [new TableIndex({ name: 'IDX_pins_group', columnNames: ['group_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'hidden_members',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'membership_id', type: t.uuid, isPrimary: true },
          { name: 'group_id', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'reports',
        columns: [
          id,
          { name: 'group_id', type: t.uuid },
          { name: 'message_id', type: t.uuid },
          { name: 'reporter_user_id', type: t.uuid, isNullable: true },
          { name: 'reason', type: t.varchar, length: '32' },
          { name: 'note', type: t.text, isNullable: true },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'outcome', type: t.varchar, length: '32', isNullable: true },
          { name: 'resolution_note', type: t.text, isNullable: true },
          { name: 'resolved_by', type: t.uuid, isNullable: true },
          { name: 'resolved_at', type: t.timestamp, isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
        indices: [
          new TableIndex({ name: 'IDX_reports_group_status', columnNames: ['group_id', 'status'] }),
          new TableIndex({
            name: 'UQ_reports_message_reporter',
            columnNames: ['message_id', 'reporter_user_id'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'incidents',
        columns: [
          id,
          { name: 'group_id', type: t.uuid },
          { name: 'subject_user_id', type: t.uuid, isNullable: true },
          { name: 'subject_membership_id', type: t.uuid, isNullable: true },
          { name: 'message_id', type: t.uuid, isNullable: true },
          { name: 'source', type: t.varchar, length: '16' },
          { name: 'category', type: t.varchar, length: '32' },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'opened_at', type: t.timestamp },
          { name: 'acknowledged_by', type: t.uuid, isNullable: true },
          { name: 'acknowledged_at', type: t.timestamp, isNullable: true },
          { name: 'escalated_at', type: t.timestamp, isNullable: true },
          { name: 'resolved_by', type: t.uuid, isNullable: true },
          { name: 'resolved_at', type: t.timestamp, isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_incidents_group_status', columnNames: ['group_id', 'status'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'incident_notes',
        columns: [
          id,
          { name: 'incident_id', type: t.uuid },
          { name: 'author_user_id', type: t.uuid },
          { name: 'note', type: t.text },
          { name: 'created_at', type: t.timestamp },
        ],
        indices: [new TableIndex({ name: 'IDX_incident_notes_incident', columnNames: ['incident_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id,
          { name: 'group_id', type: t.uuid, isNullable: true },
          { name: 'actor_user_id', type: t.uuid, isNullable: true },
          { name: 'action', type: t.varchar, length: '48' },
          { name: 'target_user_id', type: t.uuid, isNullable: true },
          { name: 'target_message_id', type: t.uuid, isNullable: true },
          { name: 'reason', type: t.text, isNullable: true },
          { name: 'details', type: t.text, isNullable: true },
          { name: 'created_at', type: t.timestamp },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_events_group', columnNames: ['group_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_audit_events_target', columnNames: ['target_user_id', 'created_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_events',
      'incident_notes',
      'incidents',
      'reports',
      'hidden_members',
      'pins',
      'mutes',
      'blocked_terms',
      'instance_settings',
      'room_settings',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

/**
 * Notifications: each person's push subscriptions and preferences, the outbox that delivers what is to be sent
 * (once per device and event), and the paging of crisis incidents until someone acknowledges them.
 */
export class CreateNotifications1796079600000 implements MigrationInterface {
  name = 'CreateNotifications1796079600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'push_subscriptions',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'user_id', type: t.uuid },
          { name: 'endpoint', type: t.varchar, length: '1024', isUnique: true },
          { name: 'p256dh', type: t.varchar, length: '128' },
          { name: 'auth', type: t.varchar, length: '64' },
          { name: 'label', type: t.varchar, length: '80' },
          { name: 'created_at', type: t.timestamp },
          { name: 'last_success_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_push_subscriptions_user', columnNames: ['user_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'key', type: t.varchar, length: '200', isUnique: true },
          { name: 'user_id', type: t.uuid },
          { name: 'channel', type: t.varchar, length: '16' },
          { name: 'subscription_id', type: t.uuid, isNullable: true },
          { name: 'kind', type: t.varchar, length: '32' },
          { name: 'topic', type: t.varchar, length: '80' },
          { name: 'notice', type: t.text },
          { name: 'status', type: t.varchar, length: '16' },
          { name: 'attempts', type: t.integer, default: 0 },
          { name: 'next_attempt_at', type: t.timestamp },
          { name: 'claimed_until', type: t.timestamp, isNullable: true },
          { name: 'claimed_by', type: t.varchar, length: '64', isNullable: true },
          { name: 'last_error', type: t.varchar, length: '200', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'sent_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          cascadingForeignKey('user_id', 'users'),
          // A device that is gone leaves its outcome on record.
          new TableForeignKey({
            columnNames: ['subscription_id'],
            referencedTableName: 'push_subscriptions',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_notification_outbox_due', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IDX_notification_outbox_topic', columnNames: ['topic'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'settings', type: t.text },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'crisis_pages',
        columns: [
          { name: 'incident_id', type: t.uuid, isPrimary: true },
          { name: 'group_id', type: t.uuid },
          { name: 'subject_user_id', type: t.uuid, isNullable: true },
          { name: 'language', type: t.varchar, length: '2' },
          { name: 'tier', type: t.varchar, length: '16' },
          { name: 'rounds', type: t.integer },
          { name: 'opened_at', type: t.timestamp },
          { name: 'next_round_at', type: t.timestamp },
          { name: 'escalated_at', type: t.timestamp, isNullable: true },
          { name: 'reached_at', type: t.timestamp, isNullable: true },
          { name: 'closed_at', type: t.timestamp, isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_crisis_pages_due', columnNames: ['closed_at', 'next_round_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'crisis_pages',
      'notification_preferences',
      'notification_outbox',
      'push_subscriptions',
    ])
      await queryRunner.dropTable(table);
  }
}

import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { cascadingForeignKey, columnTypes } from '../column-types.js';

export class CreateJournal1796050800000 implements MigrationInterface {
  name = 'CreateJournal1796050800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const id = { name: 'id', type: t.uuid, isPrimary: true };
    const userId = { name: 'user_id', type: t.uuid };

    await queryRunner.createTable(
      new Table({
        name: 'journal_keys',
        columns: [
          { name: 'user_id', type: t.uuid, isPrimary: true },
          { name: 'wrapped_key', type: t.text },
          { name: 'created_at', type: t.timestamp },
          { name: 'rewrapped_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'journal_entries',
        columns: [
          id,
          userId,
          { name: 'version', type: t.integer },
          { name: 'title_ct', type: t.text, isNullable: true },
          { name: 'body_ct', type: t.text },
          { name: 'tags_ct', type: t.text, isNullable: true },
          { name: 'mood', type: t.integer, isNullable: true },
          { name: 'session_id', type: t.uuid, isNullable: true },
          { name: 'meeting_id', type: t.uuid, isNullable: true },
          { name: 'prompt_id', type: t.varchar, length: '64', isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [
          new TableIndex({
            name: 'IDX_journal_entries_user_created',
            columnNames: ['user_id', 'created_at'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'journal_entry_tokens',
        columns: [
          { name: 'entry_id', type: t.uuid, isPrimary: true },
          { name: 'token', type: t.varchar, length: '32', isPrimary: true },
        ],
        foreignKeys: [cascadingForeignKey('entry_id', 'journal_entries')],
        indices: [new TableIndex({ name: 'IDX_journal_entry_tokens_token', columnNames: ['token'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'therapy_sessions',
        columns: [
          id,
          userId,
          { name: 'version', type: t.integer },
          { name: 'held_on', type: t.varchar, length: '10' },
          { name: 'kind_ct', type: t.text },
          { name: 'intention_ct', type: t.text, isNullable: true },
          { name: 'notes_ct', type: t.text, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'updated_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_therapy_sessions_user', columnNames: ['user_id', 'held_on'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'mood_checkins',
        columns: [
          id,
          userId,
          { name: 'at', type: t.timestamp },
          { name: 'mood', type: t.integer },
          { name: 'energy', type: t.integer, isNullable: true },
          { name: 'sleep_hours', type: t.real, isNullable: true },
          { name: 'note_ct', type: t.text, isNullable: true },
          { name: 'entry_id', type: t.uuid, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_mood_checkins_user_at', columnNames: ['user_id', 'at'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'group_prompts',
        columns: [
          id,
          { name: 'group_id', type: t.uuid },
          { name: 'text', type: t.text },
          { name: 'days_after_session', type: t.integer, isNullable: true },
          { name: 'created_by', type: t.uuid },
          { name: 'created_at', type: t.timestamp },
        ],
        foreignKeys: [cascadingForeignKey('group_id', 'groups')],
        indices: [new TableIndex({ name: 'IDX_group_prompts_group', columnNames: ['group_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'journal_shares',
        columns: [
          id,
          userId,
          { name: 'entry_id', type: t.uuid, isNullable: true },
          { name: 'group_id', type: t.uuid },
          { name: 'target', type: t.varchar, length: '16' },
          { name: 'message_id', type: t.uuid, isNullable: true },
          { name: 'excerpt_ct', type: t.text, isNullable: true },
          { name: 'created_at', type: t.timestamp },
          { name: 'withdrawn_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [cascadingForeignKey('user_id', 'users')],
        indices: [new TableIndex({ name: 'IDX_journal_shares_group', columnNames: ['group_id', 'target'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'journal_shares',
      'group_prompts',
      'mood_checkins',
      'therapy_sessions',
      'journal_entry_tokens',
      'journal_entries',
      'journal_keys',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

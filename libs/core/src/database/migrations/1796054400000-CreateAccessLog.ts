import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

import { columnTypes } from '../column-types.js';

/** The columns an erasure may tombstone (set to NULL); everything else in an entry never changes. */
const UNCHANGED = `NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor_role = OLD.actor_role
    AND NEW.resource_id IS NOT DISTINCT FROM OLD.resource_id AND NEW.group_id IS NOT DISTINCT FROM OLD.group_id
    AND (NEW.subject_user_id IS NOT DISTINCT FROM OLD.subject_user_id OR NEW.subject_user_id IS NULL)
    AND (NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id OR NEW.actor_user_id IS NULL)`;

/**
 * The access log (append-only) and the sign-in history's "this wasn't me". On PostgreSQL a trigger refuses every
 * UPDATE but erasure's tombstones and every DELETE but retention's, which names its cutoff in the transaction
 * (`hearth.access_log_prune_before`); on SQLite a trigger refuses the UPDATEs (see docs/security.md).
 */
export class CreateAccessLog1796054400000 implements MigrationInterface {
  name = 'CreateAccessLog1796054400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const postgres = queryRunner.connection.driver.options.type === 'postgres';

    await queryRunner.query(`ALTER TABLE "sessions" ADD COLUMN "disowned_at" ${t.timestamp} NULL`);

    await queryRunner.createTable(
      new Table({
        name: 'access_log',
        columns: [
          { name: 'id', type: t.uuid, isPrimary: true },
          { name: 'at', type: t.timestamp },
          { name: 'actor_user_id', type: t.uuid, isNullable: true },
          { name: 'actor_role', type: t.varchar, length: '16' },
          { name: 'subject_user_id', type: t.uuid, isNullable: true },
          { name: 'kind', type: t.varchar, length: '32' },
          { name: 'resource_id', type: t.varchar, length: '64', isNullable: true },
          { name: 'group_id', type: t.uuid, isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_access_log_at', columnNames: ['at'] }),
          new TableIndex({ name: 'IDX_access_log_actor', columnNames: ['actor_user_id'] }),
          new TableIndex({ name: 'IDX_access_log_subject_at', columnNames: ['subject_user_id', 'at'] }),
        ],
      }),
    );

    if (postgres) {
      await queryRunner.query(`
        CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            IF OLD.at < NULLIF(current_setting('hearth.access_log_prune_before', true), '')::timestamp THEN
              RETURN OLD;
            END IF;
            RAISE EXCEPTION 'access_log is append-only: only entries past retention may be deleted';
          END IF;
          IF TG_OP = 'UPDATE' AND ${UNCHANGED} THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'access_log is append-only';
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
      await queryRunner.query(`
        CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
    } else {
      await queryRunner.query(`
        CREATE TRIGGER access_log_append_only BEFORE UPDATE ON access_log
        WHEN NOT (${UNCHANGED.replaceAll('IS NOT DISTINCT FROM', 'IS')})
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.dropTable('access_log');
    if (postgres) await queryRunner.query('DROP FUNCTION IF EXISTS access_log_append_only()');
    await queryRunner.dropColumn('sessions', 'disowned_at');
  }
}

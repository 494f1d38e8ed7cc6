import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crisis incidents carry a risk tier: `urgent` (intent, plan, means, an act) or `concern` (passive ideation,
 * burden, frightening intrusive thoughts). Incidents opened before tiers existed were all treated as urgent.
 */
export class AddCrisisTiers1796072400000 implements MigrationInterface {
  name = 'AddCrisisTiers1796072400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD COLUMN "tier" varchar(16) NOT NULL DEFAULT 'urgent'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "tier"`);
  }
}

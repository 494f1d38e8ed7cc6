import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's consent to share her questionnaire scores with a group now ends with her membership (the
 * questionnaires' SharingListener). Consents given before that, to groups she has since left or been removed
 * or banned from, are ended here too, so that her sharing list names only groups she belongs to and coming back
 * shares nothing until she chooses again.
 */
export class EndSharesOfEndedMemberships1796097600000 implements MigrationInterface {
  name = 'EndSharesOfEndedMemberships1796097600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM questionnaire_shares WHERE NOT EXISTS (
         SELECT 1 FROM memberships m
         WHERE m.user_id = questionnaire_shares.user_id
           AND m.group_id = questionnaire_shares.group_id
           AND m.status = 'active')`,
    );
  }

  async down(): Promise<void> {
    // Ended consents are not given again.
  }
}

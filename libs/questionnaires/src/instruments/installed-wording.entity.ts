import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The words of a licensed instrument (the EPDS), installed by an admin under the clinic's licence, per language.
 * `wording` is JSON: `{ title, instructions, items, options }` (see `Wording`).
 */
@Entity('questionnaire_wordings')
export class InstalledWording {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  instrument!: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  language!: string;

  @Column({ type: 'text' })
  wording!: string;

  @Column({ name: 'installed_by', type: 'uuid', nullable: true })
  installedBy!: string | null;

  @Column({ name: 'installed_at', type: Date })
  installedAt!: Date;
}

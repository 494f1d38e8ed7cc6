import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * One library's part of a person's data rights: what it exports about them, and how it erases it. Each library
 * that owns personal data registers one; the account endpoints compose them, so no library reaches into
 * another's tables.
 */
export interface PersonalDataContributor {
  /** The key of this part in the export, e.g. "journal". */
  readonly section: string;
  export(userId: string): Promise<unknown>;
  /** A human-readable copy, when this part has one (the journal as Markdown). */
  exportMarkdown?(userId: string): Promise<string | null>;
  /**
   * Runs inside the erasure transaction, before the account itself is deleted. May answer what to do once the
   * erasure is committed (announce it with domain events), never before.
   */
  erase(userId: string, manager: EntityManager): Promise<void | AfterErasure>;
}

export type AfterErasure = () => void;

@Injectable()
export class PersonalDataRegistry {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor): void {
    this.contributors.push(contributor);
  }

  get all(): readonly PersonalDataContributor[] {
    return this.contributors;
  }
}

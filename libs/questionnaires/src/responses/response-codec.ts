import { Injectable, InternalServerErrorException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { IntegrityError, open, seal } from '@hearth/core';
import { JournalKeysService } from '@hearth/journal';

/** What a response keeps sealed: the answers and all that follows from them. */
export interface SealedAnswers {
  answers: number[];
  score: number;
  band: string;
  safetyItemScore: number;
}

const place = (id: string) => `questionnaire_responses:${id}:sealed`;

/**
 * Seals a response with its member's own key (the journal's), bound to its row: a sealed value copied onto
 * another row does not open. Erasing her journal key makes every response unreadable for good.
 */
@Injectable()
export class ResponseCodec {
  constructor(private readonly keys: JournalKeysService) {}

  async seal(userId: string, id: string, value: SealedAnswers, manager?: EntityManager): Promise<string> {
    const keys = await this.keys.forUser(userId, manager);
    return seal(keys.entries, JSON.stringify(value), place(id));
  }

  async open(userId: string, rows: { id: string; sealed: string }[]): Promise<Map<string, SealedAnswers>> {
    if (rows.length === 0) return new Map();
    const keys = await this.keys.forUser(userId);
    try {
      return new Map(
        rows.map((row) => [
          row.id,
          JSON.parse(open(keys.entries, row.sealed, place(row.id)).toString('utf8')) as SealedAnswers,
        ]),
      );
    } catch (error) {
      if (error instanceof IntegrityError)
        throw new InternalServerErrorException(
          'A questionnaire response failed its integrity check and cannot be shown',
        );
      throw error;
    }
  }
}

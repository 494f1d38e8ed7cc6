import { Injectable } from '@nestjs/common';

import { Clock } from '@hearth/core';

import { Catalogue, INSTRUMENTS } from '../instruments/catalogue.js';
import type { Wording } from '../instruments/instrument.js';
import { ResponseCodec } from '../responses/response-codec.js';
import { ResponsesService } from '../responses/responses.service.js';
import { fhirBundle } from './fhir-bundle.js';

/** Her course as FHIR R4, to hand to her clinic's record system. */
@Injectable()
export class FhirExport {
  constructor(
    private readonly responses: ResponsesService,
    private readonly codec: ResponseCodec,
    private readonly catalogue: Catalogue,
    private readonly clock: Clock,
  ) {}

  async bundle(userId: string): Promise<Record<string, unknown>> {
    const rows = [...(await this.responses.rows(userId))].reverse();
    const opened = await this.codec.open(userId, rows);
    const wordings = new Map<string, Wording | null>();
    for (const row of rows) {
      const key = `${row.instrument}:${row.language}`;
      if (!wordings.has(key))
        wordings.set(
          key,
          await this.catalogue
            .wording(INSTRUMENTS[row.instrument], row.language)
            .then((w) => (w.language === row.language ? w.wording : null))
            .catch(() => null),
        );
    }
    return fhirBundle(
      rows.map((row) => ({
        id: row.id,
        instrument: row.instrument,
        language: row.language,
        completedAt: row.completedAt,
        sealed: opened.get(row.id)!,
        wording: wordings.get(`${row.instrument}:${row.language}`) ?? null,
      })),
      this.clock.now(),
    );
  }
}

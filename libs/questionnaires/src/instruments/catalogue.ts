import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type {
  QuestionnaireDto,
  QuestionnaireId,
  QuestionnaireSummaryDto,
  SeverityBandDto,
} from '@hearth/contracts';
import { Clock, Transactions, ValidationFailedException } from '@hearth/core';
import type { Caller } from '@hearth/identity';

import { EPDS } from './epds.js';
import {
  INSTRUMENT_IDS,
  LANGUAGES,
  type Band,
  type Instrument,
  type Language,
  type Wording,
} from './instrument.js';
import { InstalledWording } from './installed-wording.entity.js';
import { GAD7, PHQ9 } from './phq.js';

export const INSTRUMENTS: Record<QuestionnaireId, Instrument> = { phq9: PHQ9, gad7: GAD7, epds: EPDS };

export function instrumentOf(id: string): Instrument {
  const instrument = (INSTRUMENTS as Record<string, Instrument | undefined>)[id];
  if (!instrument) throw new NotFoundException('Questionnaire not found');
  return instrument;
}

export function bandView(band: Band, language: Language): SeverityBandDto {
  return {
    id: band.id,
    min: band.min,
    max: band.max,
    label: band.label[language],
    suggests: band.suggests[language],
  };
}

/** The self-harm item and the answer positions that score above zero on it (reverse-keyed ones included). */
function selfHarmOf(instrument: Instrument): QuestionnaireDto['selfHarm'] {
  if (!instrument.safetyItem.tierByScore.some(Boolean)) return null;
  const { index } = instrument.safetyItem;
  const positions = instrument.scoring[index].flatMap((score, position) => (score > 0 ? [position] : []));
  return { item: index, positions };
}

/**
 * The instruments and their words: built in for the PHQ-9 and GAD-7, installed by an admin for the EPDS (whose
 * words are copyrighted; until installed it is not offered). Asked in a language it lacks, an instrument is
 * shown in the other.
 */
@Injectable()
export class Catalogue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<QuestionnaireSummaryDto[]> {
    const installed = await this.installedLanguages();
    return INSTRUMENT_IDS.map((id) => this.summary(INSTRUMENTS[id], installed.get(id) ?? []));
  }

  /** An instrument with its words in `language` (or its other one); 404 when it has none yet. */
  async get(id: string, language: Language): Promise<QuestionnaireDto> {
    const instrument = instrumentOf(id);
    const { wording, language: shown, languages } = await this.wording(instrument, language);
    return {
      ...this.summary(instrument, languages, shown),
      language: shown,
      title: wording.title,
      instructions: wording.instructions,
      items: wording.items.map((text, item) => ({ text, options: wording.options[item] })),
      bands: instrument.bands.map((band) => bandView(band, shown)),
      selfHarm: selfHarmOf(instrument),
    };
  }

  /** The words to use, or 404 (`Questionnaire not offered`) for the EPDS before an admin installs them. */
  async wording(
    instrument: Instrument,
    language: Language,
  ): Promise<{ wording: Wording; language: Language; languages: Language[] }> {
    if (instrument.wording)
      return { wording: instrument.wording[language], language, languages: [...LANGUAGES] };
    const rows = await this.dataSource.manager.findBy(InstalledWording, { instrument: instrument.id });
    const row = rows.find((r) => r.language === language) ?? rows[0];
    if (!row)
      throw new NotFoundException(
        `${instrument.name} is not offered yet: an admin installs its wording under the clinic's licence`,
      );
    return {
      wording: JSON.parse(row.wording) as Wording,
      language: row.language as Language,
      languages: rows.map((r) => r.language as Language),
    };
  }

  async install(caller: Caller, id: string, language: Language, wording: Wording): Promise<QuestionnaireDto> {
    const instrument = instrumentOf(id);
    if (instrument.wording)
      throw new ValidationFailedException([
        { field: 'instrument', message: `${instrument.name}'s wording is built in and cannot be replaced` },
      ]);
    const problems = wordingProblems(instrument, wording);
    if (problems.length) throw new ValidationFailedException(problems);
    await this.transactions.run((manager) =>
      manager.save(
        manager.create(InstalledWording, {
          instrument: instrument.id,
          language,
          wording: JSON.stringify(wording),
          installedBy: caller.userId,
          installedAt: this.clock.now(),
        }),
      ),
    );
    return this.get(id, language);
  }

  async uninstall(id: string, language: Language): Promise<void> {
    const instrument = instrumentOf(id);
    await this.transactions.run((manager) =>
      manager.delete(InstalledWording, { instrument: instrument.id, language }),
    );
  }

  private summary(
    instrument: Instrument,
    languages: Language[],
    language: Language = 'en',
  ): QuestionnaireSummaryDto {
    return {
      id: instrument.id,
      name: instrument.name,
      available: languages.length > 0,
      languages,
      maxScore: instrument.maxScore,
      lookbackDays: instrument.lookbackDays,
      attribution: instrument.attribution[language],
    };
  }

  private async installedLanguages(): Promise<Map<string, Language[]>> {
    const result = new Map<string, Language[]>();
    for (const id of INSTRUMENT_IDS) if (INSTRUMENTS[id].wording) result.set(id, [...LANGUAGES]);
    const rows = await this.dataSource.manager.find(InstalledWording, {
      select: { instrument: true, language: true },
    });
    for (const row of rows)
      result.set(row.instrument, [...(result.get(row.instrument) ?? []), row.language as Language]);
    return result;
  }
}

/** An installed wording must match the instrument's structure: its items, and as many options as it scores. */
function wordingProblems(instrument: Instrument, wording: Wording): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (wording.items.length !== instrument.scoring.length)
    problems.push({ field: 'items', message: `items must hold the ${instrument.scoring.length} questions` });
  wording.options.forEach((options, item) => {
    const expected = instrument.scoring[item]?.length;
    if (expected !== undefined && options.length !== expected)
      problems.push({
        field: `items.${item}.options`,
        message: `question ${item + 1} must have its ${expected} answers, in printed order`,
      });
  });
  return problems;
}

import { Injectable } from '@nestjs/common';

import type { SafetyPlanStepsDto } from '@hearth/contracts';
import { open, seal } from '@hearth/core';

import type { UserKeys } from '../keys/journal-keys.service.js';

const context = (id: string, version: number) => `safety_plans:${id}:${version}:plan`;

/** Seals and opens a safety plan with the journal's entry key, the same way as entries. */
@Injectable()
export class SafetyPlanCodec {
  seal(keys: UserKeys, id: string, version: number, steps: SafetyPlanStepsDto): string {
    return seal(keys.entries, JSON.stringify(steps), context(id, version));
  }

  open(keys: UserKeys, row: { id: string; version: number; planCt: string }): SafetyPlanStepsDto {
    const steps = JSON.parse(
      open(keys.entries, row.planCt, context(row.id, row.version)).toString('utf8'),
    ) as SafetyPlanStepsDto;
    return {
      warningSigns: steps.warningSigns ?? [],
      calmingActions: steps.calmingActions ?? [],
      distractions: steps.distractions ?? [],
      helpers: steps.helpers ?? [],
      professionals: steps.professionals ?? [],
      saferSurroundings: steps.saferSurroundings ?? [],
    };
  }
}

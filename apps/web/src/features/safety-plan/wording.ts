import type { CrisisResourceDto, SafetyPlanStepsDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';

export type TextStepKey = 'warningSigns' | 'calmingActions' | 'distractions' | 'saferSurroundings';
export type StepKey = keyof SafetyPlanStepsDto;

export interface StepWording {
  key: StepKey;
  number: number;
  title: string;
  hint: string;
  example: string;
}

/** The six steps clinicians use, in their order. */
export const STEP_KEYS: StepKey[] = [
  'warningSigns',
  'calmingActions',
  'distractions',
  'helpers',
  'professionals',
  'saferSurroundings',
];

/** The six steps in our own words (the `safetyPlan` catalogue): warm, plain, and never demanding. */
export function stepsIn(t: TFunction): StepWording[] {
  return [
    {
      key: 'warningSigns',
      number: 1,
      title: t('safetyPlan.steps.warningSigns.title'),
      hint: t('safetyPlan.steps.warningSigns.hint'),
      example: t('safetyPlan.steps.warningSigns.example'),
    },
    {
      key: 'calmingActions',
      number: 2,
      title: t('safetyPlan.steps.calmingActions.title'),
      hint: t('safetyPlan.steps.calmingActions.hint'),
      example: t('safetyPlan.steps.calmingActions.example'),
    },
    {
      key: 'distractions',
      number: 3,
      title: t('safetyPlan.steps.distractions.title'),
      hint: t('safetyPlan.steps.distractions.hint'),
      example: t('safetyPlan.steps.distractions.example'),
    },
    {
      key: 'helpers',
      number: 4,
      title: t('safetyPlan.steps.helpers.title'),
      hint: t('safetyPlan.steps.helpers.hint'),
      example: t('safetyPlan.steps.helpers.example'),
    },
    {
      key: 'professionals',
      number: 5,
      title: t('safetyPlan.steps.professionals.title'),
      hint: t('safetyPlan.steps.professionals.hint'),
      example: t('safetyPlan.steps.professionals.example'),
    },
    {
      key: 'saferSurroundings',
      number: 6,
      title: t('safetyPlan.steps.saferSurroundings.title'),
      hint: t('safetyPlan.steps.saferSurroundings.hint'),
      example: t('safetyPlan.steps.saferSurroundings.example'),
    },
  ];
}

export const EMPTY_PLAN: SafetyPlanStepsDto = {
  warningSigns: [],
  calmingActions: [],
  distractions: [],
  helpers: [],
  professionals: [],
  saferSurroundings: [],
};

export function hasPlan(plan: SafetyPlanStepsDto | null | undefined): plan is SafetyPlanStepsDto {
  return !!plan && STEP_KEYS.some((key) => plan[key].length > 0);
}

export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** The plan without the crisis lines shown beside it anyway, so that each is listed once. */
export function besideResources<T extends SafetyPlanStepsDto>(
  plan: T,
  resources: CrisisResourceDto[] = [],
): T {
  const listed = new Set(resources.map((r) => r.name.trim().toLowerCase()));
  return {
    ...plan,
    professionals: plan.professionals.filter((p) => !listed.has(p.name.trim().toLowerCase())),
  };
}

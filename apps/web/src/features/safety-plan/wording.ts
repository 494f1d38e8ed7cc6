import type { CrisisResourceDto, SafetyPlanStepsDto } from '@hearth/contracts';

export type TextStepKey = 'warningSigns' | 'calmingActions' | 'distractions' | 'saferSurroundings';
export type StepKey = keyof SafetyPlanStepsDto;

export interface StepWording {
  key: StepKey;
  number: number;
  title: string;
  hint: string;
  example: string;
}

/** The six steps clinicians use, in our own words: warm, plain, and never demanding. */
export const STEPS: StepWording[] = [
  {
    key: 'warningSigns',
    number: 1,
    title: 'Warning signs',
    hint: 'Thoughts, feelings or things I do that tell me a hard time may be starting.',
    example: 'I stop replying to messages',
  },
  {
    key: 'calmingActions',
    number: 2,
    title: 'Things I can do on my own to feel calmer',
    hint: 'Small things that have helped before, even a little. Nothing here has to be big.',
    example: 'A warm shower, a slow walk, a song I love',
  },
  {
    key: 'distractions',
    number: 3,
    title: 'People and places that take my mind off things',
    hint: 'Somewhere to go or someone to be with. I don’t have to talk about how I feel.',
    example: 'The café with the big window',
  },
  {
    key: 'helpers',
    number: 4,
    title: 'People I can ask for help',
    hint: 'People I trust to tell that I am struggling. A phone number here saves looking for it when it is hard to think.',
    example: 'My sister',
  },
  {
    key: 'professionals',
    number: 5,
    title: 'Professionals and crisis lines',
    hint: 'My therapist, doctor or midwife, and lines that answer day and night.',
    example: 'My midwife',
  },
  {
    key: 'saferSurroundings',
    number: 6,
    title: 'Making my surroundings safer',
    hint: 'Ways to put some distance between me and things I could hurt myself with, medicines included. Someone I trust can help with this.',
    example: 'Ask my partner to keep my medicines and give me one day at a time',
  },
];

export const EMPTY_PLAN: SafetyPlanStepsDto = {
  warningSigns: [],
  calmingActions: [],
  distractions: [],
  helpers: [],
  professionals: [],
  saferSurroundings: [],
};

export function hasPlan(plan: SafetyPlanStepsDto | null | undefined): plan is SafetyPlanStepsDto {
  return !!plan && STEPS.some((step) => plan[step.key].length > 0);
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

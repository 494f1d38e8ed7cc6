import type { SafetyPlanDto } from '@hearth/contracts';

const list = (items: string[]) => (items.length ? items.map((item) => `- ${item}`).join('\n') : '- (empty)');
const reach = (phone: string | null, url?: string | null) =>
  [phone, url].filter((part): part is string => Boolean(part)).join(' · ');

/** The plan as a readable page of the export, in the six steps and the wording of the web client. */
export function safetyPlanMarkdown(plan: SafetyPlanDto): string {
  return [
    '## My safety plan',
    '',
    '### 1. Warning signs that a hard time may be coming',
    list(plan.warningSigns),
    '',
    '### 2. Things I can do on my own to feel calmer',
    list(plan.calmingActions),
    '',
    '### 3. People and places that take my mind off things',
    list(plan.distractions),
    '',
    '### 4. People I can ask for help',
    list(plan.helpers.map((h) => [h.name, reach(h.phone)].filter(Boolean).join(': '))),
    '',
    '### 5. Professionals and crisis lines',
    list(plan.professionals.map((p) => `${p.name}: ${reach(p.phone, p.url)}`)),
    '',
    '### 6. Making my surroundings safer',
    list(plan.saferSurroundings),
  ].join('\n');
}

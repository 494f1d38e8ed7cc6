import type { QuestionnaireHistoryDto } from '@hearth/contracts';

import { i18next } from '../../i18n';

export type Language = 'en' | 'es';

/** The language the app speaks now: the person's choice in her account, else the browser's. */
export function browserLanguage(): Language {
  return i18next.resolvedLanguage === 'es' ? 'es' : 'en';
}

/** The words around a questionnaire while she takes it, in the language she answers in (the catalogues'). */
export function takingWords(language: Language) {
  const t = i18next.getFixedT(language);
  return {
    back: t('questionnaire.taking.back'),
    language: t('questionnaire.taking.language'),
    answered: (done: number, total: number) => t('questionnaire.taking.answered', { done, total }),
    progress: t('questionnaire.taking.progress'),
    submit: t('questionnaire.taking.submit'),
    submitHint: t('questionnaire.taking.submitHint'),
    sending: t('questionnaire.taking.sending'),
    forGroup: (name: string) => t('questionnaire.taking.forGroup', { name }),
    scoreTitle: t('questionnaire.taking.scoreTitle'),
    score: (score: number, max: number) => t('questionnaire.taking.score', { score, max }),
    notDiagnosis: t('questionnaire.taking.notDiagnosis'),
    course: t('questionnaire.taking.course'),
    again: t('questionnaire.taking.again'),
    unavailable: t('questionnaire.taking.unavailable'),
  };
}

/** The safety screen: calm, it offers, and it says plainly who knows. */
export function safetyWords(language: Language) {
  const t = i18next.getFixedT(language);
  return {
    title: t('questionnaire.safety.title'),
    body: t('questionnaire.safety.body'),
    plan: t('questionnaire.safety.plan'),
    openPlan: t('questionnaire.safety.openPlan'),
    makePlan: t('questionnaire.safety.makePlan'),
    invitation: t('questionnaire.safety.invitation'),
    told: (names: string) => t('questionnaire.safety.told', { names }),
    toldGroup: t('questionnaire.safety.toldGroup'),
    notTold: t('questionnaire.safety.notTold'),
    tellTitle: t('questionnaire.safety.tellTitle'),
    tellWhich: t('questionnaire.safety.tellWhich'),
    tell: t('questionnaire.safety.tell'),
    nobody: t('questionnaire.safety.nobody'),
    noResources: t('questionnaire.safety.noResources'),
  };
}

const short = (name: string) => name.split(':')[0].trim();

/** Her change since the first score, in words; never a diagnosis, only what clinicians call such a change. */
export function changeInWords(history: QuestionnaireHistoryDto): string {
  const name = short(history.name);
  if (history.points.length < 2) return `Your first ${name}. Take it again later to see how things change.`;
  const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (history.change < 0) {
    parts.push(`Down ${points(-history.change)} since your first ${name}`);
    if (history.response) parts[0] += ' — a drop of half or more, which clinicians call a response';
  } else if (history.change > 0) {
    parts.push(`Up ${points(history.change)} since your first ${name}`);
  } else {
    parts.push(`The same score as your first ${name}`);
  }
  if (history.remission && history.first !== history.latest)
    parts.push('Your latest score is in the range clinicians call remission');
  return `${parts.join('. ')}.`;
}

export const EVERY = [7, 14, 28, 56] as const;

export function everyInWords(days: number): string {
  if (days % 7 === 0) {
    const weeks = days / 7;
    return weeks === 1 ? 'every week' : `every ${weeks} weeks`;
  }
  return `every ${days} days`;
}

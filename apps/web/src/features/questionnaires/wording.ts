import type { QuestionnaireHistoryDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';

import { i18next } from '../../i18n';

export type Language = 'en' | 'es';

/** The language the app speaks now: the person's choice in her account, else the browser's. */
export function browserLanguage(): Language {
  return i18next.resolvedLanguage === 'es' ? 'es' : 'en';
}

/** The words around a questionnaire while she takes it, in the language she answers in (`useWordsIn`). */
export function takingWords(t: TFunction) {
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
    overTime: t('questionnaire.taking.overTime'),
    course: t('questionnaire.taking.course'),
    again: t('questionnaire.taking.again'),
    unavailable: t('questionnaire.taking.unavailable'),
    cancel: t('questionnaire.taking.cancel'),
    cancelConfirm: t('questionnaire.taking.cancelConfirm'),
    kept: t('questionnaire.taking.kept'),
  };
}

/** The safety screen: calm, it offers, and it says plainly who knows. */
export function safetyWords(t: TFunction) {
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
    unsentTitle: t('questionnaire.safety.unsentTitle'),
    unsentBody: t('questionnaire.safety.unsentBody'),
    unsentPlan: t('questionnaire.safety.unsentPlan'),
  };
}

const short = (name: string) => name.split(':')[0].trim();

/** Her change since the first score, in words; never a diagnosis, only what clinicians call such a change. */
export function changeInWords(history: QuestionnaireHistoryDto): string {
  const t = i18next.t;
  const name = short(history.name);
  if (history.points.length < 2) return t('questionnaire.change.first', { name });
  const parts: string[] = [];
  if (history.change < 0) {
    const down = t('questionnaire.change.down', { count: -history.change, name });
    parts.push(history.response ? `${down} — ${t('questionnaire.change.response')}` : down);
  } else if (history.change > 0) {
    parts.push(t('questionnaire.change.up', { count: history.change, name }));
  } else {
    parts.push(t('questionnaire.change.same', { name }));
  }
  if (history.remission && history.first !== history.latest) parts.push(t('questionnaire.change.remission'));
  return `${parts.join('. ')}.`;
}

/**
 * The grammatical context of an instrument's name: Spanish says "la EPDS" (una escala) but "el PHQ-9" (un
 * cuestionario), so sentences that name it pick their article by it (`_scale` keys).
 */
export const nameContext = (instrument: string) => (instrument === 'epds' ? 'scale' : undefined);

export const EVERY = [7, 14, 28, 56] as const;

/** "every 2 weeks" inside a sentence; `asOption` gives "Every 2 weeks" for a choice. */
export function everyInWords(days: number, asOption = false): string {
  const t = i18next.t;
  if (days % 7 === 0) {
    const count = days / 7;
    return asOption
      ? t('questionnaire.every.optionWeeks', { count })
      : t('questionnaire.every.weeks', { count });
  }
  return asOption
    ? t('questionnaire.every.optionDays', { count: days })
    : t('questionnaire.every.days', { count: days });
}

import { i18next } from '../../i18n';

const t = (key: string): string => i18next.t(key);

/** Crisis labels as facilitators read them, in the app's language: never a raw code. */
const CATEGORIES: Record<string, () => string> = {
  suicide: () => t('safety.categories.suicide'),
  self_harm: () => t('safety.categories.selfHarm'),
  harm_to_baby: () => t('safety.categories.harmToBaby'),
  harm_to_others: () => t('safety.categories.harmToOthers'),
  crisis_concern: () => t('safety.categories.concern'),
};

/** The category as a heading or a choice: "Thoughts of suicide". */
export function categoryTitle(category: string): string {
  return CATEGORIES[category]?.() ?? t('safety.categories.unknown');
}

/** The category inside a sentence: "thoughts of suicide". */
export function categoryLabel(category: string): string {
  const title = categoryTitle(category);
  return title.charAt(0).toLocaleLowerCase(i18next.resolvedLanguage) + title.slice(1);
}

/**
 * What a facilitator may name when she opens an incident herself, as `[code, label]` pairs. Each label is read
 * when it is used, so that it is in the language spoken then (the list itself is built once, at load).
 */
export const CATEGORY_CHOICES: readonly (readonly [string, string])[] = Object.keys(CATEGORIES).map((code) =>
  Object.defineProperty([code, ''] as [string, string], 1, {
    enumerable: true,
    get: () => (code === 'crisis_concern' ? t('safety.categories.worried') : categoryTitle(code)),
  }),
);

/** Where an incident came from, in words: "from their words". */
export function sourceLabel(source: 'detector' | 'report' | 'questionnaire' | 'facilitator'): string {
  return source === 'report'
    ? t('safety.sources.report')
    : source === 'questionnaire'
      ? t('safety.sources.questionnaire')
      : source === 'facilitator'
        ? t('safety.sources.facilitator')
        : t('safety.sources.detector');
}

/** `urgent`: intent, a plan, means, an act; `concern`: passive ideation, burden, frightening thoughts. */
export function tierLabel(tier: 'urgent' | 'concern'): string {
  return tier === 'urgent' ? t('safety.tiers.urgent') : t('safety.tiers.concern');
}

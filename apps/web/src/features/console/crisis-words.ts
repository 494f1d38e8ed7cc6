import type { IncidentDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';

/**
 * Crisis incidents as facilitators read them in the console, in the language Hearth speaks: never a raw code
 * ("suicide", "urgent", "detector").
 */
export function categoryTitle(t: TFunction, category: string): string {
  switch (category) {
    case 'suicide':
      return t('console.crisis.suicide');
    case 'self_harm':
      return t('console.crisis.selfHarm');
    case 'harm_to_baby':
      return t('console.crisis.harmToBaby');
    case 'harm_to_others':
      return t('console.crisis.harmToOthers');
    case 'crisis_concern':
      return t('console.crisis.concern');
    default:
      return t('console.crisis.other');
  }
}

/** The category inside a sentence: "thoughts of suicide". */
export function categoryLabel(t: TFunction, category: string): string {
  const title = categoryTitle(t, category);
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** Where an incident came from, in words: "crisis words in their message". */
export function sourceLabel(t: TFunction, source: IncidentDto['source']): string {
  if (source === 'report') return t('console.crisis.fromReport');
  if (source === 'questionnaire') return t('console.crisis.fromQuestionnaire');
  if (source === 'facilitator') return t('console.crisis.fromFacilitator');
  return t('console.crisis.fromDetector');
}

/** `urgent`: intent, a plan, means, an act; `concern`: passive ideation, burden, frightening thoughts. */
export function tierLabel(t: TFunction, tier: IncidentDto['tier']): string {
  return tier === 'urgent' ? t('console.crisis.urgent') : t('console.crisis.concernTier');
}

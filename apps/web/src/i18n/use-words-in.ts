import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { Language } from './index';

/**
 * The words of one language, which may not be the page's: a card in the language she wrote in, a questionnaire
 * in the language she answers in. That language's catalogue is fetched when first needed; until it arrives the
 * words are the page's, and the component renders again once it has them (no suspense, so nothing blanks out).
 */
export function useWordsIn(language?: Language): TFunction {
  return useTranslation(undefined, { lng: language, useSuspense: false }).t;
}

import type { CrisisResourceSetDto } from '@hearth/contracts';

import { http } from '../../api/http';
import { i18next, type Language } from '../../i18n';

/** Where the service worker keeps the crisis numbers last fetched (see src/service-worker/sw.js). */
const CRISIS_RESOURCES_PATH = '/me/moderation/crisis-resources';
const CRISIS_CACHE = 'hearth-crisis-resources';

/**
 * The United States lines, built into the app for a device that never reached the server (first opened offline,
 * or the server unreachable): calling and texting work without the internet, so these must never be missing.
 * Their words are in the app's language (the `safety` catalogue, which the service worker keeps offline too).
 */
export function builtInCrisisResources(language?: Language): CrisisResourceSetDto {
  const fixed = language ? i18next.getFixedT(language) : i18next.t.bind(i18next);
  const t = (key: string): string => fixed(key);
  return {
    country: 'US',
    resources: [
      {
        name: t('safety.builtIn.emergencyName'),
        description: t('safety.builtIn.emergency'),
        phone: '911',
      },
      {
        name: t('safety.builtIn.lifelineName'),
        description: t('safety.builtIn.lifeline'),
        phone: '988',
        text: '988',
        url: 'https://988lifeline.org',
      },
      {
        name: t('safety.builtIn.psiName'),
        description: t('safety.builtIn.psi'),
        phone: '1-800-944-4773',
        text: '800-944-4773',
        url: 'https://www.postpartum.net',
      },
    ],
  };
}

export type CrisisResourcesSource = 'server' | 'saved' | 'built-in';

/**
 * The instance's crisis lines in `language` (the page's unless said): fresh, else the last ones this device
 * fetched in that language, else the built-in ones. The server answers English unless asked for Spanish, so a
 * Spanish page asks: a mother reading Spanish must not be handed English lines when she reaches for help.
 */
export async function loadCrisisResources(language: Language = pageLanguage()): Promise<{
  set: CrisisResourceSetDto;
  source: CrisisResourcesSource;
}> {
  const path = `${CRISIS_RESOURCES_PATH}${language === 'es' ? '?language=es' : ''}`;
  try {
    const set = await http.get<CrisisResourceSetDto>(path);
    return { set, source: navigator.onLine ? 'server' : 'saved' };
  } catch {
    // Unreachable (or the session could not be renewed offline): the copy the service worker kept.
  }
  try {
    const cache = 'caches' in window ? await caches.open(CRISIS_CACHE) : null;
    const saved = await cache?.match(`/api${path}`);
    if (saved) return { set: (await saved.json()) as CrisisResourceSetDto, source: 'saved' };
  } catch {
    // No Cache Storage here (an insecure origin, a private window): the built-in lines follow.
  }
  return { set: builtInCrisisResources(language), source: 'built-in' };
}

function pageLanguage(): Language {
  return i18next.resolvedLanguage === 'es' ? 'es' : 'en';
}

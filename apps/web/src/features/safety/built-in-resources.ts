import type { CrisisResourceSetDto } from '@hearth/contracts';

import { http } from '../../api/http';
import { i18next } from '../../i18n';

/** Where the service worker keeps the crisis numbers last fetched (see src/service-worker/sw.js). */
const CRISIS_RESOURCES_PATH = '/me/moderation/crisis-resources';
const CRISIS_CACHE = 'hearth-crisis-resources';

/**
 * The United States lines, built into the app for a device that never reached the server (first opened offline,
 * or the server unreachable): calling and texting work without the internet, so these must never be missing.
 * Their words are in the app's language (the `safety` catalogue, which the service worker keeps offline too).
 */
export function builtInCrisisResources(): CrisisResourceSetDto {
  const t = (key: string): string => i18next.t(key);
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

/** The instance's crisis lines: fresh, else the last ones this device fetched, else the built-in ones. */
export async function loadCrisisResources(): Promise<{
  set: CrisisResourceSetDto;
  source: CrisisResourcesSource;
}> {
  try {
    const set = await http.get<CrisisResourceSetDto>(CRISIS_RESOURCES_PATH);
    return { set, source: navigator.onLine ? 'server' : 'saved' };
  } catch {
    // Unreachable (or the session could not be renewed offline): the copy the service worker kept.
  }
  try {
    const cache = 'caches' in window ? await caches.open(CRISIS_CACHE) : null;
    const saved = await cache?.match(`/api${CRISIS_RESOURCES_PATH}`);
    if (saved) return { set: (await saved.json()) as CrisisResourceSetDto, source: 'saved' };
  } catch {
    // No Cache Storage here (an insecure origin, a private window): the built-in lines follow.
  }
  return { set: builtInCrisisResources(), source: 'built-in' };
}

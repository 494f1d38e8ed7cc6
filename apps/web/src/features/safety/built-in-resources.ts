import type { CrisisResourceSetDto } from '@hearth/contracts';

import { http } from '../../api/http';

/** Where the service worker keeps the crisis numbers last fetched (see src/service-worker/sw.js). */
const CRISIS_RESOURCES_PATH = '/me/moderation/crisis-resources';
const CRISIS_CACHE = 'hearth-crisis-resources';

/**
 * The United States lines, built into the app for a device that never reached the server (first opened offline,
 * or the server unreachable): calling and texting work without the internet, so these must never be missing.
 */
export const BUILT_IN_CRISIS_RESOURCES: CrisisResourceSetDto = {
  country: 'US',
  resources: [
    {
      name: 'Emergency services',
      description:
        'If you or your baby are in danger right now, call your local emergency number (911 in the US).',
      phone: '911',
    },
    {
      name: '988 Suicide & Crisis Lifeline',
      description:
        'Free, confidential support, 24/7, by call or text. For Spanish, call 988 and press 2, or text AYUDA to 988.',
      phone: '988',
      text: '988',
      url: 'https://988lifeline.org',
    },
    {
      name: 'Postpartum Support International HelpLine',
      description:
        'Support for parents during pregnancy and after birth. Text "HELP" (English) or "AYUDA" (Spanish) to 800-944-4773.',
      phone: '1-800-944-4773',
      text: '800-944-4773',
      url: 'https://www.postpartum.net',
    },
  ],
};

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
  return { set: BUILT_IN_CRISIS_RESOURCES, source: 'built-in' };
}

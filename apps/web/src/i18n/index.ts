import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

/** The languages the client speaks completely. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORED = 'hearth.language';

/** The person's choice on this device, else the browser's first language we speak, else English. */
export function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (LANGUAGES.some((l) => l.code === base)) return base as Language;
  }
  return 'en';
}

function readStored(): Language | null {
  try {
    const value = localStorage.getItem(STORED);
    return LANGUAGES.some((l) => l.code === value) ? (value as Language) : null;
  } catch {
    return null;
  }
}

/** Speaks `language` from now on, on this device; the page's `lang` follows for screen readers. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORED, language);
  } catch {
    // Private browsing without storage: the choice lasts for this page.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/**
 * Each language is one chunk, fetched when it is first spoken (the service worker keeps every chunk for offline use),
 * so the first load carries no catalogue and adding a language costs the others nothing.
 */
const catalogues: Record<Language, () => Promise<{ default: object }>> = {
  en: () => import('./locales/en'),
  es: () => import('./locales/es'),
};

// Plurals go through Intl.PluralRules (i18next's `_one` / `_other` keys); dates and numbers through Intl.
void i18next
  .use(resourcesToBackend((language: string) => catalogues[language as Language]?.() ?? catalogues.en()))
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export { i18next };

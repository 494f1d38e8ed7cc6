import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';

import { LANGUAGES, setLanguage, type Language } from '../../i18n';

/**
 * The language Hearth speaks on this device (the browser's at first, the person's choice once made), and in the
 * notices and emails it sends her.
 */
export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  // Notices and emails follow the choice too (the server keeps it with her notification preferences).
  const choose = async (language: Language) => {
    await setLanguage(language);
    await http.patch('/me/notification-preferences', { language }).catch(() => undefined);
  };
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('language.title')}</h2>
      <label>
        {t('language.label')}{' '}
        <select
          value={i18n.resolvedLanguage}
          onChange={(event) => void choose(event.target.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('language.hint')}</p>
    </section>
  );
}

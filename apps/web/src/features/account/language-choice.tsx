import { useTranslation } from 'react-i18next';

import { LANGUAGES, setLanguage, type Language } from '../../i18n';

/** The language Hearth speaks on this device: the browser's at first, the person's choice once made. */
export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('language.title')}</h2>
      <label>
        {t('language.label')}{' '}
        <select
          value={i18n.resolvedLanguage}
          onChange={(event) => void setLanguage(event.target.value as Language)}
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

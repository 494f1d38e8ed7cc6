import type { CrisisResourceDto } from '@hearth/contracts';

import { useWordsIn } from '../../i18n/use-words-in';

/**
 * Crisis lines, each with a way to reach it: call, text (a tappable link when the text line is a plain number),
 * website; labelled in the resources' language (the writer's, when the server pushed them), else the page's.
 */
export function ResourceList({
  resources,
  language,
}: {
  resources: CrisisResourceDto[];
  language?: 'en' | 'es';
}) {
  const t = useWordsIn(language);
  return (
    <ul className="resource-list">
      {resources.map((resource) => {
        const number = resource.text && /^[\d\s()+-]{3,}$/.test(resource.text) ? resource.text : null;
        return (
          <li key={resource.name}>
            <strong>{resource.name}</strong>
            <p>{resource.description}</p>
            <div className="resource-actions">
              {resource.phone && (
                <a className="button" href={`tel:${resource.phone.replace(/[^\d+]/g, '')}`}>
                  {t('help.call')} {resource.phone}
                </a>
              )}
              {resource.text &&
                (number ? (
                  <a
                    className="button button-secondary"
                    href={`sms:${number.replace(/[^\d+]/g, '')}`}
                    aria-label={t('help.textTo', { name: resource.name, number: resource.text })}
                  >
                    {t('help.text')}: {resource.text}
                  </a>
                ) : (
                  <span className="resource-text">
                    {t('help.text')}: {resource.text}
                  </span>
                ))}
              {resource.url && (
                <a
                  className="button button-secondary"
                  href={resource.url}
                  target="_blank"
                  rel="noreferrer noopener"
                  aria-label={t('help.websiteOf', { name: resource.name })}
                >
                  {t('help.website')}
                </a>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

import type { CrisisResourceDto } from '@hearth/contracts';

import { useWordsIn } from '../../i18n/use-words-in';

/**
 * Crisis lines, each with a way to reach it: call, text (a tappable link when the text line is a number, or a word
 * to send and a number, "AYUDA al 988"), website; labelled in the resources' language (the writer's, when the server pushed them), else the page's.
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
        const sms = resource.text ? textLink(resource.text) : null;
        return (
          <li key={resource.name}>
            <strong>{resource.name}</strong>
            <p>{resource.description}</p>
            <div className="resource-actions">
              {resource.phone && (
                <a className="button" href={`tel:${resource.phone.replace(/[^\d+]/g, '')}`}>
                  <span>
                    {t('help.call')} <span className="nowrap">{resource.phone}</span>
                  </span>
                </a>
              )}
              {resource.text &&
                (sms ? (
                  <a
                    className="button button-secondary"
                    href={sms}
                    aria-label={t('help.textTo', { name: resource.name, number: resource.text })}
                  >
                    <span>
                      {t('help.text')}: <span className="nowrap">{resource.text}</span>
                    </span>
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

/**
 * An `sms:` link for a crisis line's text option: a plain number ("741741"), or the word to send and where
 * ("HELP to 988", "AYUDA al 988", "“HOME” to 741741"), which opens the messages app with the word already
 * written. Anything else stays words on the screen.
 */
export function textLink(text: string): string | null {
  const digits = (number: string) => number.replace(/[^\d+]/g, '');
  const value = text.trim();
  if (/^[\d\s()+-]{3,}$/.test(value)) return `sms:${digits(value)}`;
  const keyword = /^["“']?([\p{L}\d]+)["”']?\s+(?:to|al|a)\s+([\d\s()+-]{3,})$/iu.exec(value);
  return keyword ? `sms:${digits(keyword[2])}?body=${encodeURIComponent(keyword[1])}` : null;
}

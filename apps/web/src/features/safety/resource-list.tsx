import type { CrisisResourceDto } from '@hearth/contracts';

const LABELS = {
  en: { call: 'Call', text: 'Text', website: 'Visit website' },
  es: { call: 'Llamar al', text: 'Mensaje de texto', website: 'Visitar el sitio web' },
};

/** Crisis lines, each with a way to reach it: call, text, website; labelled in the resources' language. */
export function ResourceList({
  resources,
  language = 'en',
}: {
  resources: CrisisResourceDto[];
  language?: 'en' | 'es';
}) {
  const label = LABELS[language];
  return (
    <ul className="resource-list">
      {resources.map((resource) => (
        <li key={resource.name}>
          <strong>{resource.name}</strong>
          <p>{resource.description}</p>
          <div className="resource-actions">
            {resource.phone && (
              <a className="button" href={`tel:${resource.phone.replace(/[^\d+]/g, '')}`}>
                {label.call} {resource.phone}
              </a>
            )}
            {resource.text && (
              <span className="resource-text">
                {label.text}: {resource.text}
              </span>
            )}
            {resource.url && (
              <a
                className="button button-secondary"
                href={resource.url}
                target="_blank"
                rel="noreferrer noopener"
              >
                {label.website}
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

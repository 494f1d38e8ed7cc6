import type { CrisisResourceDto } from '@hearth/contracts';

/** Crisis lines, each with a way to reach it: call, text, website. */
export function ResourceList({ resources }: { resources: CrisisResourceDto[] }) {
  return (
    <ul className="resource-list">
      {resources.map((resource) => (
        <li key={resource.name}>
          <strong>{resource.name}</strong>
          <p>{resource.description}</p>
          <div className="resource-actions">
            {resource.phone && (
              <a className="button" href={`tel:${resource.phone.replace(/[^\d+]/g, '')}`}>
                Call {resource.phone}
              </a>
            )}
            {resource.text && <span className="resource-text">Text: {resource.text}</span>}
            {resource.url && (
              <a
                className="button button-secondary"
                href={resource.url}
                target="_blank"
                rel="noreferrer noopener"
              >
                Visit website
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

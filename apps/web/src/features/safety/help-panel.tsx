import type { CrisisResourceSetDto, SafetyResourcesEvent } from '@hearth/contracts';
import { useEffect, useState } from 'react';

import { http } from '../../api/http';
import { Dialog } from '../../ui/components';

/**
 * Where to find help now. It opens by itself when the server sends `safety:resources` (after someone wrote words
 * of crisis) and is always reachable from the "Help now" button. Calm wording: it offers, it does not alarm.
 */
export function HelpPanel({
  open,
  pushed,
  onClose,
}: {
  open: boolean;
  pushed: SafetyResourcesEvent | null;
  onClose: () => void;
}) {
  const [fallback, setFallback] = useState<CrisisResourceSetDto | null>(null);
  useEffect(() => {
    if (open && !pushed && !fallback) {
      http
        .get<CrisisResourceSetDto>('/me/moderation/crisis-resources')
        .then(setFallback)
        .catch(() => undefined);
    }
  }, [open, pushed, fallback]);
  const set = pushed ?? fallback;
  return (
    <Dialog open={open} title="Support is here" onClose={onClose}>
      <div className="help-panel">
        <p>
          {pushed?.message ??
            'If things feel heavy right now, you do not have to hold it alone. These people are there for you, any time.'}
        </p>
        {set ? (
          <ul className="resource-list">
            {set.resources.map((resource) => (
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
        ) : (
          <p>If you are in danger, call your local emergency number.</p>
        )}
        {pushed && (
          <p className="hint">
            Your group’s facilitator has been told, so that someone can check in with you.
          </p>
        )}
      </div>
    </Dialog>
  );
}

import { Link } from 'react-router-dom';

import type { ChatConnection } from '../../chat/connection';
import { formatTime } from '../../ui/components';
import { categoryLabel, tierLabel } from './crisis-labels';

/**
 * Crisis alerts for facilitators: shown at once, on every screen, and again at every visit until someone
 * acknowledges the incident ("Later" hides one until then).
 */
export function AlertsTray({ connection }: { connection: ChatConnection }) {
  return (
    <section className="alerts-tray" aria-label="Crisis alerts" role="alert">
      {connection.alerts.map((alert) => (
        <div key={alert.incidentId} className={`crisis-alert crisis-${alert.tier}`}>
          <p>
            <span className={`tier-badge tier-${alert.tier}`}>{tierLabel(alert.tier)}</span>{' '}
            <strong>
              {alert.escalated ? 'Still unanswered: ' : ''}
              {alert.tier === 'urgent' ? 'Someone may be in danger now.' : 'Someone may need support.'}
            </strong>{' '}
            {alert.pseudonym ?? 'A member'} in {alert.groupName} ({categoryLabel(alert.category)},{' '}
            {alert.source === 'report'
              ? 'reported by a member'
              : alert.source === 'questionnaire'
                ? 'from a questionnaire answer'
                : alert.source === 'facilitator'
                  ? 'opened by a facilitator'
                  : 'from their words'}
            , {formatTime(alert.openedAt)}).
          </p>
          <div className="row">
            <Link
              className="button"
              to={`/groups/${alert.groupId}/console?tab=incidents&incident=${alert.incidentId}`}
              onClick={() => connection.dismissAlert(alert.incidentId)}
            >
              Open incident
            </Link>
            <button
              type="button"
              className="button-quiet"
              onClick={() => connection.dismissAlert(alert.incidentId)}
            >
              Later
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

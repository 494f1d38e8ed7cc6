import { Link } from 'react-router-dom';

import type { ChatConnection } from '../../chat/connection';
import { formatTime } from '../../ui/components';

/** Crisis alerts for facilitators: shown at once, on every screen, until looked at. */
export function AlertsTray({ connection }: { connection: ChatConnection }) {
  return (
    <section className="alerts-tray" aria-label="Crisis alerts" role="alert">
      {connection.alerts.map((alert) => (
        <div key={alert.incidentId} className="crisis-alert">
          <p>
            <strong>{alert.escalated ? 'Still unanswered: ' : ''}Someone may need support now.</strong>{' '}
            {alert.pseudonym ?? 'A member'} in {alert.groupName} (
            {alert.source === 'report' ? 'reported' : 'crisis words'}, {formatTime(alert.openedAt)}).
          </p>
          <div className="row">
            <Link
              className="button"
              to={`/groups/${alert.groupId}/console?tab=incidents`}
              onClick={() => connection.dismissAlert(alert.incidentId)}
            >
              Open incident
            </Link>
            <button
              type="button"
              className="button-quiet"
              onClick={() => connection.dismissAlert(alert.incidentId)}
            >
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import type { ChatConnection } from '../../chat/connection';
import { formatTime } from '../../ui/components';
import { categoryLabel, tierLabel } from '../console/crisis-words';

/** How many alerts show before the rest fold behind "Show N more": the screen stays hers to work in. */
export const ALERTS_SHOWN = 3;

/**
 * Crisis alerts for facilitators: shown at once, on every screen, and again at every visit until someone
 * acknowledges the incident ("Later" hides one until then). Urgent ones come first, then those still unanswered,
 * then the newest; past the first few the rest fold away, so that a hard evening's alerts never push the
 * conversation off the screen.
 */
export function AlertsTray({ connection }: { connection: ChatConnection }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const sorted = [...connection.alerts].sort(
    (a, b) =>
      Number(b.tier === 'urgent') - Number(a.tier === 'urgent') ||
      Number(Boolean(b.escalated)) - Number(Boolean(a.escalated)) ||
      b.openedAt.localeCompare(a.openedAt),
  );
  const folded = sorted.length - ALERTS_SHOWN;
  const shown = expanded || folded <= 0 ? sorted : sorted.slice(0, ALERTS_SHOWN);
  return (
    <section className="alerts-tray" aria-label={t('safety.alerts.label')} role="alert">
      {shown.map((alert) => (
        <div key={alert.incidentId} className={`crisis-alert crisis-${alert.tier}`}>
          <p>
            <span className={`tier-badge tier-${alert.tier}`}>{tierLabel(t, alert.tier)}</span>{' '}
            <strong>
              {alert.escalated ? `${t('safety.alerts.stillUnanswered')} ` : ''}
              {alert.tier === 'urgent' ? t('safety.alerts.urgent') : t('safety.alerts.concern')}
            </strong>{' '}
            {t('safety.alerts.where', {
              who: alert.pseudonym ?? t('safety.alerts.aMember'),
              group: alert.groupName,
              category: categoryLabel(t, alert.category),
              source:
                alert.source === 'report'
                  ? t('safety.alerts.fromReport')
                  : alert.source === 'questionnaire'
                    ? t('safety.alerts.fromQuestionnaire')
                    : alert.source === 'facilitator'
                      ? t('safety.alerts.byFacilitator')
                      : t('safety.alerts.fromWords'),
              time: formatTime(alert.openedAt),
            })}
          </p>
          <div className="row">
            <Link
              className="button"
              to={`/groups/${alert.groupId}/console?tab=incidents&incident=${alert.incidentId}`}
              onClick={() => connection.dismissAlert(alert.incidentId)}
            >
              {t('safety.alerts.open')}
            </Link>
            <button
              type="button"
              className="button-quiet"
              onClick={() => connection.dismissAlert(alert.incidentId)}
            >
              {t('safety.alerts.later')}
            </button>
          </div>
        </div>
      ))}
      {folded > 0 && (
        <button
          type="button"
          className="button-quiet"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('safety.alerts.fewer') : t('safety.alerts.more', { count: folded })}
        </button>
      )}
    </section>
  );
}

import type { GroupDto } from '@hearth/contracts';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { formatDateTime, NoFacilitatorWarning } from '../../ui/components';

/** A group in my list: where to go next, how much is unread, when we next meet. */
export function GroupCard({ group }: { group: GroupDto }) {
  const { t } = useTranslation();
  const membership = group.membership;
  const facilitating = membership?.role === 'facilitator';
  const needsAgreement = membership?.consentRequired;
  const target = needsAgreement ? `/groups/${group.id}/agreement` : `/groups/${group.id}`;
  return (
    <li className="card group-card">
      <div className="group-card-head">
        <h3>
          <Link to={target}>{group.name}</Link>
        </h3>
        {group.unread ? (
          <span className="badge" aria-label={t('home.card.unread', { count: group.unread })}>
            {group.unread}
          </span>
        ) : null}
      </div>
      <p className="muted">
        {[
          group.kind === 'cohort' ? t('home.kind.cohort') : t('home.kind.circle'),
          facilitating
            ? t('home.card.youFacilitate')
            : membership?.pseudonym && t('home.card.youAre', { pseudonym: membership.pseudonym }),
          group.status === 'archived' && t('home.card.archived'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {group.activeFacilitators === 0 && group.status === 'active' && <NoFacilitatorWarning />}
      {needsAgreement && <p className="note">{t('home.card.needsAgreement')}</p>}
      {membership?.status === 'pending' && !needsAgreement && (
        <p className="note">{t('home.card.pending')}</p>
      )}
      {group.nextMeeting && (
        <p>
          <Trans
            i18nKey="home.card.nextMeeting"
            values={{ title: group.nextMeeting.title, when: formatDateTime(group.nextMeeting.startsAt) }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {facilitating && (
        <p className="card-link">
          <Link to={`/groups/${group.id}/console`}>{t('home.card.console')}</Link>
        </p>
      )}
    </li>
  );
}

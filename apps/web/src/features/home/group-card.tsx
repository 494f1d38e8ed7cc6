import type { GroupDto } from '@hearth/contracts';
import { Link } from 'react-router-dom';

import { formatDateTime, NoFacilitatorWarning } from '../../ui/components';

/** A group in my list: where to go next, how much is unread, when we next meet. */
export function GroupCard({ group }: { group: GroupDto }) {
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
          <span className="badge" aria-label={`${group.unread} unread`}>
            {group.unread}
          </span>
        ) : null}
      </div>
      <p className="muted">
        {group.kind === 'cohort' ? 'Cohort' : 'Circle'}
        {facilitating
          ? ' · You facilitate'
          : membership?.pseudonym
            ? ` · You are ${membership.pseudonym}`
            : ''}
        {group.status === 'archived' ? ' · Archived' : ''}
      </p>
      {group.activeFacilitators === 0 && group.status === 'active' && <NoFacilitatorWarning />}
      {needsAgreement && (
        <p className="note">Read and accept the group agreement to join the conversation.</p>
      )}
      {membership?.status === 'pending' && !needsAgreement && (
        <p className="note">Waiting for a facilitator.</p>
      )}
      {group.nextMeeting && (
        <p>
          Next meeting: <strong>{group.nextMeeting.title}</strong>,{' '}
          {formatDateTime(group.nextMeeting.startsAt)}
        </p>
      )}
      {facilitating && (
        <p>
          <Link to={`/groups/${group.id}/console`}>Facilitator console</Link>
        </p>
      )}
    </li>
  );
}

import type { AccessKind, GroupDto, MyAccessLogPageDto } from '@hearth/contracts';

import { http } from '../../api/http';
import { formatDateTime, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

const ACCESS_NAMES: Record<AccessKind, string> = {
  identity: 'saw your account name and email',
  facilitator_reflection: 'read a reflection you shared with your facilitators',
  incident: 'read a safety incident about you',
  scores: 'saw scores you shared',
  export: 'exported your data',
  erasure: 'erased the account',
  access_log: 'read this list of who viewed your details',
  check_in: 'read your private check-in after a safety alert',
};

const ROLE_NAMES = { admin: 'Admin', facilitator: 'Facilitator', member: 'Member' } as const;

/** Who among the staff has viewed my details, from the access log. */
export function AccessHistory() {
  const log = useLoad(() => http.get<MyAccessLogPageDto>('/me/access-log?limit=50'), []);
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const groupName = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  return (
    <section className="card" aria-labelledby="access-history-title">
      <h2 id="access-history-title">Who has viewed your details</h2>
      <p className="muted">
        Each time a facilitator or admin sees your account and email, a reflection you shared only with
        facilitators, or a safety incident about you, it is recorded here. So are your own exports.
      </p>
      {!log.data ? (
        <Pending loaded={log} />
      ) : log.data.items.length === 0 ? (
        <p className="empty">Nobody has viewed your details yet.</p>
      ) : (
        <ul className="resource-list access-history">
          {log.data.items.map((entry) => (
            <li key={entry.id}>
              <strong>
                {entry.byMe
                  ? 'You'
                  : entry.actor
                    ? `${entry.actor.displayName} (${ROLE_NAMES[entry.actorRole].toLowerCase()})`
                    : `A former ${ROLE_NAMES[entry.actorRole].toLowerCase()}`}
              </strong>{' '}
              {ACCESS_NAMES[entry.kind]}
              <p className="muted">
                {formatDateTime(entry.at)}
                {entry.groupId && groupName.has(entry.groupId) && ` · in ${groupName.get(entry.groupId)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {log.data && log.data.total > log.data.items.length && (
        <p className="muted">
          Showing the latest {log.data.items.length} of {log.data.total}. Your data export has them all.
        </p>
      )}
    </section>
  );
}

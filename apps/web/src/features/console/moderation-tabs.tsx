import type { IncidentDto, IncidentResponseTimesDto, MemberDto, QueueItemDto } from '@hearth/contracts';
import { useEffect, useRef, useState } from 'react';

import { http } from '../../api/http';
import { Alert, Field, formatDateTime, formatTime, useAction, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { categoryLabel, categoryTitle, sourceLabel, tierLabel } from '../safety/crisis-labels';
import { StartCheckIn } from '../check-in/start-check-in';
import { IncidentResponse } from './incident-response';

const base = (groupId: string) => `/groups/${groupId}`;

export function QueueTab({ groupId }: { groupId: string }) {
  const queue = useLoad(() => http.get<QueueItemDto[]>(`${base(groupId)}/moderation/queue`), [groupId]);
  const action = useAction();
  const act = (path: string, body: object = {}) =>
    action.run(async () => {
      await http.post(`${base(groupId)}${path}`, body);
      await queue.reload();
    });
  if (!queue.data) return <Pending loaded={queue} />;
  return (
    <div>
      <h2>Waiting for you</h2>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {queue.data.length === 0 && (
        <p className="empty">Nothing is waiting. Thank you for holding the space.</p>
      )}
      <ul className="card-list">
        {queue.data.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={`card queue-item queue-${item.kind}`}>
            <p className="muted">
              {item.kind === 'held'
                ? 'Held for review'
                : item.kind === 'report'
                  ? `Report: ${item.reason}`
                  : `${item.incident ? tierLabel(item.incident.tier) : 'Crisis'}: ${categoryLabel(item.incident?.category ?? '')}`}{' '}
              · {formatDateTime(item.createdAt)}
            </p>
            {item.message && (
              <blockquote>
                <strong>{item.message.author?.pseudonym ?? 'Member'}:</strong>{' '}
                {item.message.body ?? '(no text)'}
              </blockquote>
            )}
            {item.note && <p>Note: {item.note}</p>}
            <div className="row">
              {item.kind === 'held' && item.message && (
                <>
                  <button
                    type="button"
                    className="button"
                    onClick={() => act(`/moderation/held/${item.message!.id}/approve`)}
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => act(`/moderation/held/${item.message!.id}/reject`)}
                  >
                    Reject
                  </button>
                </>
              )}
              {item.kind === 'report' && (
                <>
                  {item.message && (
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        act(`/moderation/messages/${item.message!.id}/remove`, {}).then(() =>
                          act(`/moderation/reports/${item.id}/resolve`, { outcome: 'message_removed' }),
                        )
                      }
                    >
                      Remove message
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => act(`/moderation/reports/${item.id}/resolve`, { outcome: 'dismissed' })}
                  >
                    Dismiss report
                  </button>
                </>
              )}
              {item.kind === 'incident' && <p>Open the crisis incidents tab to acknowledge it.</p>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `linked`: the incident a crisis notification pointed to (`?incident=<id>`), brought into view and focused. */
export function IncidentsTab({ groupId, linked }: { groupId: string; linked?: string | null }) {
  const incidents = useLoad(
    () => http.get<IncidentDto[]>(`${base(groupId)}/moderation/incidents`),
    [groupId],
  );
  const times = useLoad(
    () => http.get<IncidentResponseTimesDto>(`${base(groupId)}/moderation/incident-response`),
    [groupId],
  );
  // "open 12 min" stays true while the tab is open.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  if (!incidents.data) return <Pending loaded={incidents} />;
  const missing = linked && !incidents.data.some((incident) => incident.id === linked);
  return (
    <div>
      <h2>Crisis incidents</h2>
      {times.data && <IncidentResponse times={times.data} />}
      {missing && <Alert tone="info">The incident from your notification is not in this group’s list.</Alert>}
      {incidents.data.length === 0 && times.data?.incidents !== 0 && <p className="empty">No incidents.</p>}
      <ul className="card-list">
        {[...incidents.data].sort(byUrgency).map((incident) => (
          <IncidentCard
            key={incident.id}
            groupId={groupId}
            incident={incident}
            linked={incident.id === linked}
            now={now}
            onChange={() => void Promise.all([incidents.reload(), times.reload()])}
          />
        ))}
      </ul>
    </div>
  );
}

function IncidentCard({
  groupId,
  incident,
  linked,
  now,
  onChange,
}: {
  groupId: string;
  incident: IncidentDto;
  linked: boolean;
  now: number;
  onChange: () => void;
}) {
  const [note, setNote] = useState('');
  const action = useAction();
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!linked || !card.current) return;
    card.current.scrollIntoView({ block: 'center' });
    // Where she writes what she did, so that acknowledging is one note and one press away.
    const target = card.current.querySelector('textarea') ?? card.current;
    target.focus({ preventScroll: true });
  }, [linked]);
  const transition = (step: 'acknowledge' | 'resolve') =>
    action.run(async () => {
      await http.post(`${base(groupId)}/moderation/incidents/${incident.id}/${step}`, { note });
      setNote('');
      onChange();
    });
  return (
    <li
      ref={card}
      className={`card incident incident-${incident.status}${linked ? ' incident-linked' : ''}`}
      tabIndex={linked ? -1 : undefined}
      aria-current={linked ? 'true' : undefined}
    >
      {linked && <p className="linked-note">From your notification</p>}
      <h3 className="incident-title">
        <span className={`tier-badge tier-${incident.tier}`}>{tierLabel(incident.tier)}</span>{' '}
        {incident.pseudonym ?? 'A member'} · {categoryTitle(incident.category)}
      </h3>
      <p className="incident-status">
        <strong>
          {incident.status === 'open'
            ? `Open ${elapsed(incident.openedAt, now)}`
            : incident.status === 'acknowledged'
              ? 'Acknowledged'
              : 'Resolved'}
        </strong>{' '}
        · {incident.groupName} · {sourceLabel(incident.source)} · opened {formatDateTime(incident.openedAt)}
        {incident.escalatedAt ? ' · escalated to admins' : ''}
      </p>
      {incident.subjectMembershipId && (
        <StartCheckIn
          groupId={groupId}
          membershipId={incident.subjectMembershipId}
          pseudonym={incident.pseudonym}
        />
      )}
      {incident.acknowledgedAt && (
        <p className="incident-answered">
          Acknowledged by {incident.acknowledgedByPseudonym ?? 'an admin'}{' '}
          {elapsed(incident.openedAt, Date.parse(incident.acknowledgedAt))} after it opened
          {incident.resolvedAt ? ` · resolved ${formatDateTime(incident.resolvedAt)}` : ''}
        </p>
      )}
      {incident.context.length > 0 && (
        <ol className="incident-context" aria-label="The message, after the ones before it">
          {incident.context.map((m) => {
            const about = m.id === incident.messageId;
            return (
              <li key={m.id} className={about ? 'incident-message' : undefined}>
                {about && (
                  <>
                    <span className="tag">The message</span>{' '}
                  </>
                )}
                <strong>{m.author?.pseudonym ?? 'Former member'}:</strong>{' '}
                <span className="incident-text">{m.body ?? (m.deleted ? '(deleted)' : '(no text)')}</span>{' '}
                <time className="muted" dateTime={m.createdAt}>
                  {formatTime(m.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {incident.notes.length > 0 && (
        <ul className="notes" aria-label="What facilitators noted">
          {incident.notes.map((n) => (
            <li key={n.id}>
              <strong>{n.authorPseudonym ?? 'An admin'}</strong>, {formatDateTime(n.createdAt)}: {n.note}
            </li>
          ))}
        </ul>
      )}
      {incident.status !== 'resolved' && (
        <form onSubmit={(e) => e.preventDefault()}>
          <Field
            label="What you did or decided"
            multiline
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <div className="row">
            {incident.status === 'open' && (
              <button
                type="button"
                className="button"
                disabled={!note.trim() || action.busy}
                onClick={() => transition('acknowledge')}
              >
                Acknowledge
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              disabled={!note.trim() || action.busy}
              onClick={() => transition('resolve')}
            >
              Resolve
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

export function MembersTab({ groupId }: { groupId: string }) {
  const members = useLoad(() => http.get<MemberDto[]>(`${base(groupId)}/members`), [groupId]);
  if (!members.data) return <Pending loaded={members} />;
  return (
    <div>
      <h2>Members</h2>
      <ul className="card-list">
        {members.data.map((member) => (
          <MemberRow
            key={member.membershipId}
            groupId={groupId}
            member={member}
            onChange={() => void members.reload()}
          />
        ))}
      </ul>
    </div>
  );
}

function MemberRow({
  groupId,
  member,
  onChange,
}: {
  groupId: string;
  member: MemberDto;
  onChange: () => void;
}) {
  const [minutes, setMinutes] = useState('60');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const userId = member.account?.userId;
  const run = (label: string, work: () => Promise<unknown>) =>
    action.run(async () => {
      await work();
      setDone(label);
      onChange();
    });
  const withReason = reason.trim() ? { reason: reason.trim() } : {};
  return (
    <li className="card member-row">
      <p>
        <strong>{member.pseudonym ?? 'No pseudonym'}</strong> · {member.role} · {member.status}
        {member.account && (
          <span className="muted">
            {' '}
            · {member.account.displayName} &lt;{member.account.email}&gt;
          </span>
        )}
      </p>
      {member.role === 'member' && member.status === 'active' && userId && (
        <details>
          <summary>Actions</summary>
          <Field
            label={`Reason (shown to ${member.pseudonym ?? 'them'})`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="row">
            <label htmlFor={`mute-${member.membershipId}`}>Mute for</label>
            <select
              id={`mute-${member.membershipId}`}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            >
              <option value="15">15 minutes</option>
              <option value="60">1 hour</option>
              <option value="1440">1 day</option>
              <option value="">until I lift it</option>
            </select>
            <button
              type="button"
              className="button"
              onClick={() =>
                run('Muted', () =>
                  http.post(`${base(groupId)}/moderation/mutes`, {
                    userId,
                    minutes: minutes ? Number(minutes) : null,
                    ...withReason,
                  }),
                )
              }
            >
              Mute
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => run('Unmuted', () => http.delete(`${base(groupId)}/moderation/mutes/${userId}`))}
            >
              Unmute
            </button>
          </div>
          <div className="row">
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm('Remove this member from the group?') &&
                run('Removed', () => http.delete(`${base(groupId)}/members/${userId}`, withReason))
              }
            >
              Remove
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm('Ban this member? They cannot come back.') &&
                run('Banned', () => http.post(`${base(groupId)}/bans`, { userId, ...withReason }))
              }
            >
              Ban
            </button>
          </div>
        </details>
      )}
      {done && <Alert tone="success">{done}.</Alert>}
      {action.error && <Alert tone="error">{action.error}</Alert>}
    </li>
  );
}

const STATUS_ORDER = { open: 0, acknowledged: 1, resolved: 2 } as const;

/** Open incidents first, urgent before concern, then the longest waiting. */
function byUrgency(a: IncidentDto, b: IncidentDto): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(b.tier === 'urgent') - Number(a.tier === 'urgent') ||
    a.openedAt.localeCompare(b.openedAt)
  );
}

/** How long since `iso`, in words a facilitator reads at a glance: "12 min", "2 h 5 min", "3 days". */
function elapsed(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

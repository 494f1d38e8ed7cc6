import type { IncidentDto, IncidentResponseTimesDto, MemberDto, QueueItemDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { useConnection } from '../../chat/chat-context';
import { Alert, Field, formatDateTime, formatTime, useAction, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { StartCheckIn } from '../check-in/start-check-in';
import { reportWords } from './audit-tab';
import { categoryLabel, categoryTitle, sourceLabel, tierLabel } from './crisis-words';
import { formatDuration, IncidentResponse } from './incident-response';

const base = (groupId: string) => `/groups/${groupId}`;

export function QueueTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
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
      <h2>{t('console.queue.title')}</h2>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {queue.data.length === 0 && <p className="empty">{t('console.queue.empty')}</p>}
      <ul className="card-list">
        {queue.data.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={`card queue-item queue-${item.kind}`}>
            <p className="muted">
              {item.kind === 'held'
                ? t('console.queue.held')
                : item.kind === 'report'
                  ? t('console.queue.report', {
                      reason: reportWords(t, item.reason) ?? t('console.reports.other'),
                    })
                  : t('console.queue.incident', {
                      tier: item.incident ? tierLabel(t, item.incident.tier) : t('console.queue.crisis'),
                      category: categoryLabel(t, item.incident?.category ?? ''),
                    })}{' '}
              · {formatDateTime(item.createdAt)}
            </p>
            {item.message && (
              <blockquote>
                <strong>{item.message.author?.pseudonym ?? t('console.aMember')}:</strong>{' '}
                {item.message.body ?? t('console.noText')}
              </blockquote>
            )}
            {item.note && <p>{t('console.queue.note', { note: item.note })}</p>}
            <div className="row">
              {item.kind === 'held' && item.message && (
                <>
                  <button
                    type="button"
                    className="button"
                    onClick={() => act(`/moderation/held/${item.message!.id}/approve`)}
                  >
                    {t('console.queue.approve')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => act(`/moderation/held/${item.message!.id}/reject`)}
                  >
                    {t('console.queue.reject')}
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
                      {t('console.queue.remove')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => act(`/moderation/reports/${item.id}/resolve`, { outcome: 'dismissed' })}
                  >
                    {t('console.queue.dismiss')}
                  </button>
                </>
              )}
              {item.kind === 'incident' && <p>{t('console.queue.openIncidents')}</p>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `linked`: the incident a crisis notification pointed to (`?incident=<id>`), brought into view and focused. */
export function IncidentsTab({ groupId, linked }: { groupId: string; linked?: string | null }) {
  const { t } = useTranslation();
  const incidents = useLoad(
    () => http.get<IncidentDto[]>(`${base(groupId)}/moderation/incidents`),
    [groupId],
  );
  const times = useLoad(
    () => http.get<IncidentResponseTimesDto>(`${base(groupId)}/moderation/incident-response`),
    [groupId],
  );
  const connection = useConnection();
  useEffect(() => {
    // An incident acknowledged here, or by another facilitator, no longer waits for anyone: the alert on top of
    // every screen goes, so that it does not say "Someone may need support" above a card that says it is answered.
    for (const incident of incidents.data ?? []) {
      if (incident.status !== 'open') connection?.dismissAlert(incident.id);
    }
  }, [incidents.data, connection]);
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
      <h2>{t('console.incidents.title')}</h2>
      {times.data && <IncidentResponse times={times.data} />}
      {missing && <Alert tone="info">{t('console.incidents.missing')}</Alert>}
      {incidents.data.length === 0 && times.data?.incidents !== 0 && (
        <p className="empty">{t('console.incidents.empty')}</p>
      )}
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
  const { t, i18n } = useTranslation();
  const since = (iso: string, until: number) =>
    formatDuration(t, i18n.language, Math.max(0, (until - Date.parse(iso)) / 1000), true);
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
      {linked && <p className="linked-note">{t('console.incidents.fromNotification')}</p>}
      <h3 className="incident-title">
        <span className={`tier-badge tier-${incident.tier}`}>{tierLabel(t, incident.tier)}</span>{' '}
        {incident.pseudonym ?? t('console.aMember')} · {categoryTitle(t, incident.category)}
      </h3>
      <p className="incident-status">
        <strong>
          {incident.status === 'open'
            ? t('console.incidents.openFor', { time: since(incident.openedAt, now) })
            : incident.status === 'acknowledged'
              ? t('console.incidents.acknowledged')
              : t('console.incidents.resolved')}
        </strong>{' '}
        · {incident.groupName} · {sourceLabel(t, incident.source)} ·{' '}
        {t('console.incidents.opened', { time: formatDateTime(incident.openedAt) })}
        {incident.escalatedAt ? ` · ${t('console.incidents.escalated')}` : ''}
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
          {t('console.incidents.acknowledgedBy', {
            name: incident.acknowledgedByPseudonym ?? t('console.anAdmin'),
            time: since(incident.openedAt, Date.parse(incident.acknowledgedAt)),
          })}
          {incident.resolvedAt
            ? ` · ${t('console.incidents.resolvedAt', { time: formatDateTime(incident.resolvedAt) })}`
            : ''}
        </p>
      )}
      {incident.context.length > 0 && (
        <ol className="incident-context" aria-label={t('console.incidents.context')}>
          {incident.context.map((m) => {
            const about = m.id === incident.messageId;
            return (
              <li key={m.id} className={about ? 'incident-message' : undefined}>
                {about && (
                  <>
                    <span className="tag">{t('console.incidents.theMessage')}</span>{' '}
                  </>
                )}
                <strong>{m.author?.pseudonym ?? t('console.formerMember')}:</strong>{' '}
                <span className="incident-text">
                  {m.body ?? (m.deleted ? t('console.deleted') : t('console.noText'))}
                </span>{' '}
                <time className="muted" dateTime={m.createdAt}>
                  {formatTime(m.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {incident.notes.length > 0 && (
        <ul className="notes" aria-label={t('console.incidents.notes')}>
          {incident.notes.map((n) => (
            <li key={n.id}>
              <strong>{n.authorPseudonym ?? t('console.anAdmin')}</strong>, {formatDateTime(n.createdAt)}:{' '}
              {n.note}
            </li>
          ))}
        </ul>
      )}
      {incident.status !== 'resolved' && (
        <form onSubmit={(e) => e.preventDefault()}>
          <Field
            label={t('console.incidents.noteLabel')}
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
                {t('console.incidents.acknowledge')}
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              disabled={!note.trim() || action.busy}
              onClick={() => transition('resolve')}
            >
              {t('console.incidents.resolve')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

export function MembersTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useLoad(() => http.get<MemberDto[]>(`${base(groupId)}/members`), [groupId]);
  if (!members.data) return <Pending loaded={members} />;
  return (
    <div>
      <h2>{t('console.members.title')}</h2>
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
  const { t } = useTranslation();
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
  const who = member.pseudonym ?? member.account?.displayName ?? t('console.members.noPseudonym');
  return (
    <li className="card member-row">
      <p>
        <strong>{member.pseudonym ?? t('console.members.noPseudonym')}</strong> ·{' '}
        {member.role === 'facilitator' ? t('console.members.facilitator') : t('console.members.member')} ·{' '}
        {memberStatus(t, member.status)}
        {member.account && (
          <span className="muted">
            {' '}
            · {member.account.displayName} &lt;{member.account.email}&gt;
          </span>
        )}
      </p>
      {member.role === 'member' && member.status === 'active' && userId && (
        <details>
          <summary>{t('console.members.actions')}</summary>
          <Field
            label={
              member.pseudonym
                ? t('console.members.reasonFor', { name: member.pseudonym })
                : t('console.members.reason')
            }
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="row">
            <label htmlFor={`mute-${member.membershipId}`}>{t('console.members.muteFor')}</label>
            <select
              id={`mute-${member.membershipId}`}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            >
              <option value="15">{t('console.members.minutes15')}</option>
              <option value="60">{t('console.members.hour1')}</option>
              <option value="1440">{t('console.members.day1')}</option>
              <option value="10080">{t('console.members.week1')}</option>
              <option value="">{t('console.members.untilLifted')}</option>
            </select>
            <button
              type="button"
              className="button"
              onClick={() =>
                run(t('console.members.muted'), () =>
                  http.post(`${base(groupId)}/moderation/mutes`, {
                    userId,
                    minutes: minutes ? Number(minutes) : null,
                    ...withReason,
                  }),
                )
              }
            >
              {t('console.members.mute')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                run(t('console.members.unmuted'), () =>
                  http.delete(`${base(groupId)}/moderation/mutes/${userId}`),
                )
              }
            >
              {t('console.members.unmute')}
            </button>
          </div>
          <div className="row">
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm(t('console.members.removeConfirm')) &&
                run(t('console.members.removed'), () =>
                  http.delete(`${base(groupId)}/members/${userId}`, withReason),
                )
              }
            >
              {t('console.members.remove')}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm(t('console.members.banConfirm')) &&
                run(t('console.members.banned'), () =>
                  http.post(`${base(groupId)}/bans`, { userId, ...withReason }),
                )
              }
            >
              {t('console.members.ban')}
            </button>
          </div>
          <div className="row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                window.confirm(t('console.members.makeFacilitatorConfirm', { name: who })) &&
                run(t('console.members.madeFacilitator', { name: who }), () =>
                  http.patch(`${base(groupId)}/members/${userId}`, { role: 'facilitator' }),
                )
              }
            >
              {t('console.members.makeFacilitator')}
            </button>
          </div>
        </details>
      )}
      {done && <Alert tone="success">{done}</Alert>}
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

function memberStatus(t: TFunction, status: MemberDto['status']): string {
  const words: Record<MemberDto['status'], string> = {
    pending: t('console.members.pending'),
    active: t('console.members.active'),
    left: t('console.members.left'),
    removed: t('console.members.removedStatus'),
    banned: t('console.members.bannedStatus'),
  };
  return words[status];
}

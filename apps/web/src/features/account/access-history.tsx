import type { AccessKind, GroupDto, MyAccessLogEntryDto, MyAccessLogPageDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { formatDateTime, formatTime, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

const accessNames = (t: TFunction): Record<AccessKind, string> => ({
  identity: t('account.access.kind.identity'),
  facilitator_reflection: t('account.access.kind.facilitator_reflection'),
  incident: t('account.access.kind.incident'),
  scores: t('account.access.kind.scores'),
  export: t('account.access.kind.export'),
  erasure: t('account.access.kind.erasure'),
  access_log: t('account.access.kind.access_log'),
  check_in: t('account.access.kind.check_in'),
});

const roleNames = (t: TFunction) => ({
  admin: t('account.access.role.admin'),
  facilitator: t('account.access.role.facilitator'),
  member: t('account.access.role.member'),
});

/** Who among the staff has viewed my details, from the access log. */
export function AccessHistory() {
  const { t } = useTranslation();
  const ACCESS_NAMES = accessNames(t);
  const ROLE_NAMES = roleNames(t);
  const log = useLoad(() => http.get<MyAccessLogPageDto>('/me/access-log?limit=50'), []);
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const groupName = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  return (
    <section className="card" aria-labelledby="access-history-title">
      <h2 id="access-history-title">{t('account.access.title')}</h2>
      <p className="muted">{t('account.access.body')}</p>
      {!log.data ? (
        <Pending loaded={log} />
      ) : log.data.items.length === 0 ? (
        <p className="empty">{t('account.access.none')}</p>
      ) : (
        <ul className="resource-list access-history">
          {oneLinePerSitting(log.data.items).map(({ entry, times, since }) => (
            <li key={entry.id}>
              <strong>
                {entry.byMe
                  ? t('account.access.you')
                  : entry.actor
                    ? t('account.access.person', {
                        name: entry.actor.displayName,
                        role: ROLE_NAMES[entry.actorRole],
                      })
                    : t('account.access.former', { role: ROLE_NAMES[entry.actorRole] })}
              </strong>{' '}
              {ACCESS_NAMES[entry.kind]}
              {times > 1 && ` ${t('account.access.times', { count: times })}`}
              <p className="muted">
                {times > 1 && formatTime(since) !== formatTime(entry.at)
                  ? t('account.access.between', { from: formatDateTime(since), to: formatTime(entry.at) })
                  : formatDateTime(entry.at)}
                {entry.groupId &&
                  groupName.has(entry.groupId) &&
                  ` · ${t('account.access.inGroup', { name: groupName.get(entry.groupId) })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {log.data && log.data.total > log.data.items.length && (
        <p className="muted">
          {t('account.access.more', { shown: log.data.items.length, total: log.data.total })}
        </p>
      )}
    </section>
  );
}

/** Reads this close together are one sitting: one line. */
const SITTING_MS = 10 * 60_000;

/**
 * One line for one person seeing the same kind of thing in one group in one sitting: a facilitator's queue opened
 * again and again, or listing several incidents about her, reads "read a safety incident about you (12 times)",
 * not a dozen identical lines that look like watching. Entries arrive newest first; each joins the line of the
 * same person and kind whose oldest entry is at most ten minutes later, and lines keep the place of their newest.
 * Every entry stays in her export.
 */
function oneLinePerSitting(
  items: MyAccessLogEntryDto[],
): { entry: MyAccessLogEntryDto; times: number; since: string }[] {
  const lines: { entry: MyAccessLogEntryDto; times: number; since: string; key: string }[] = [];
  for (const entry of items) {
    const key = JSON.stringify([
      entry.byMe,
      entry.actor?.displayName ?? null,
      entry.actorRole,
      entry.kind,
      entry.groupId,
    ]);
    const at = Date.parse(entry.at);
    const line = lines.find((l) => l.key === key && Date.parse(l.since) - at <= SITTING_MS);
    if (line) {
      line.times++;
      line.since = entry.at;
    } else lines.push({ entry, times: 1, since: entry.at, key });
  }
  return lines;
}

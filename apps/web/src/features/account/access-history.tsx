import type { AccessKind, GroupDto, MyAccessLogEntryDto, MyAccessLogPageDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { formatDateTime, Pending } from '../../ui/components';
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
          {sameMinuteTogether(log.data.items).map(({ entry, times }) => (
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
                {formatDateTime(entry.at)}
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

/**
 * One line for the same person seeing the same thing within the same minute (an admin's list of people read three
 * times reads "saw your account name and email (3 times)", not three identical lines that look like watching).
 * Every entry stays in her export.
 */
function sameMinuteTogether(items: MyAccessLogEntryDto[]): { entry: MyAccessLogEntryDto; times: number }[] {
  const lines: { entry: MyAccessLogEntryDto; times: number; key: string }[] = [];
  for (const entry of items) {
    const key = JSON.stringify([
      entry.byMe,
      entry.actor?.displayName ?? null,
      entry.actorRole,
      entry.kind,
      entry.groupId,
      entry.resourceId,
      entry.at.slice(0, 16),
    ]);
    const last = lines.at(-1);
    if (last?.key === key) last.times++;
    else lines.push({ entry, times: 1, key });
  }
  return lines;
}

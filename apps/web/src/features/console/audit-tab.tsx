import type { AuditEventDto, IncidentDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { formatDateTime, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { categoryTitle, sourceLabel } from './crisis-words';

/** What was done, as the rest of a sentence whose subject is who did it: "muted", "removed a message by". */
function what(t: TFunction, action: string): string {
  const actions: Record<string, string> = {
    'message.removed': t('console.audit.actions.messageRemoved'),
    'message.flagged': t('console.audit.actions.messageFlagged'),
    'message.pinned': t('console.audit.actions.messagePinned'),
    'message.unpinned': t('console.audit.actions.messageUnpinned'),
    'member.muted': t('console.audit.actions.memberMuted'),
    'member.unmuted': t('console.audit.actions.memberUnmuted'),
    'member.warned': t('console.audit.actions.memberWarned'),
    'member.removed': t('console.audit.actions.memberRemoved'),
    'member.banned': t('console.audit.actions.memberBanned'),
    'report.created': t('console.audit.actions.reportCreated'),
    'report.resolved': t('console.audit.actions.reportResolved'),
    'held.approved': t('console.audit.actions.heldApproved'),
    'held.rejected': t('console.audit.actions.heldRejected'),
    'incident.opened': t('console.audit.actions.incidentOpened'),
    'incident.acknowledged': t('console.audit.actions.incidentAcknowledged'),
    'incident.resolved': t('console.audit.actions.incidentResolved'),
    'incident.escalated': t('console.audit.actions.incidentEscalated'),
    'room.mode_changed': t('console.audit.actions.roomModeChanged'),
    'term.added': t('console.audit.actions.termAdded'),
    'term.removed': t('console.audit.actions.termRemoved'),
    'crisis_resources.changed': t('console.audit.actions.crisisResourcesChanged'),
  };
  return actions[action] ?? t('console.audit.actions.other');
}

/** A report's reason or outcome in words. */
export function reportWords(t: TFunction, code: string | null | undefined): string | undefined {
  const words: Record<string, string> = {
    harassment: t('console.reports.harassment'),
    crisis_concern: t('console.reports.crisisConcern'),
    triggering_content: t('console.reports.triggeringContent'),
    privacy_breach: t('console.reports.privacyBreach'),
    spam: t('console.reports.spam'),
    other: t('console.reports.other'),
    dismissed: t('console.reports.dismissed'),
    message_removed: t('console.reports.messageRemoved'),
    member_muted: t('console.reports.memberMuted'),
    member_warned: t('console.reports.memberWarned'),
    member_removed: t('console.reports.memberRemoved'),
    member_banned: t('console.reports.memberBanned'),
  };
  return code ? words[code] : undefined;
}

/** Who did it, by pseudonym: Hearth itself (the filter, the detector, the clock) has no actor. */
function who(t: TFunction, event: AuditEventDto): string {
  if (event.actorPseudonym) return event.actorPseudonym;
  return event.actorUserId ? t('console.audit.anAdmin') : t('console.audit.hearth');
}

function whom(t: TFunction, event: AuditEventDto): string {
  if (event.targetPseudonym) return event.targetPseudonym;
  return event.targetUserId ? t('console.audit.formerMember') : '—';
}

/** Why, in words: the reason given, or what the event's details say; never a code. */
function why(t: TFunction, event: AuditEventDto): string {
  const details = event.details ?? {};
  if (event.action === 'incident.opened' && typeof details.category === 'string') {
    return t('console.audit.incidentWhy', {
      category: categoryTitle(t, details.category),
      source: sourceLabel(t, details.source as IncidentDto['source']),
    });
  }
  if (event.action === 'report.created') return reportWords(t, event.reason) ?? t('console.audit.aReport');
  if (event.action === 'report.resolved') {
    const outcome = reportWords(t, String(details.outcome)) ?? t('console.audit.resolved');
    return event.reason ? t('console.audit.outcomeWhy', { outcome, reason: event.reason }) : outcome;
  }
  if (event.action === 'member.muted') {
    const timed = typeof details.until === 'string';
    const time = timed ? formatDateTime(details.until as string) : '';
    if (!event.reason) return timed ? t('console.audit.until', { time }) : t('console.audit.untilLifted');
    return timed
      ? t('console.audit.reasonUntil', { reason: event.reason, time })
      : t('console.audit.reasonUntilLifted', { reason: event.reason });
  }
  return event.reason ?? '';
}

/** Between the parts of the sentence a phone shows (who, what, whom run on inline); nothing in the desktop's cells. */
const SPACE = <span className="audit-space"> </span>;

/** The group's audit log as sentences: who did what, to whom, why and when; pseudonyms only, never accounts. */
export function AuditTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const audit = useLoad(() => http.get<AuditEventDto[]>(`/groups/${groupId}/audit`), [groupId]);
  if (!audit.data) return <Pending loaded={audit} />;
  // Who did what to whom, why, and when: on a phone, the first three run on as one sentence ("Fern acknowledged
  // the crisis incident about Bea"), the reason and the time below it with their labels.
  const columns = {
    who: t('console.audit.who'),
    what: t('console.audit.what'),
    whom: t('console.audit.whom'),
    why: t('console.audit.why'),
    when: t('console.audit.when'),
  };
  return (
    <div>
      <h2>{t('console.audit.title')}</h2>
      {audit.data.length === 0 && <p className="empty">{t('console.audit.empty')}</p>}
      {/* Explicit roles: the phone layout stacks each row, and CSS display must not take the table away. */}
      <table className="table audit-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            {Object.values(columns).map((label) => (
              <th key={label} scope="col" role="columnheader">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {audit.data.map((event) => (
            <tr key={event.id} role="row">
              <td role="cell" className="audit-part audit-who" data-label={columns.who}>
                {who(t, event)}
              </td>
              <td role="cell" className="audit-part" data-label={columns.what}>
                {SPACE}
                {what(t, event.action)}
              </td>
              <td
                role="cell"
                className={`audit-part audit-whom${whom(t, event) === '—' ? ' audit-nobody' : ''}`}
                data-label={columns.whom}
              >
                {SPACE}
                {whom(t, event)}
              </td>
              <td role="cell" className={why(t, event) ? undefined : 'audit-nobody'} data-label={columns.why}>
                {why(t, event)}
              </td>
              <td role="cell" data-label={columns.when}>
                <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

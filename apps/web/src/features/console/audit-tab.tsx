import type { AuditEventDto } from '@hearth/contracts';

import { http } from '../../api/http';
import { formatDateTime, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { categoryTitle, sourceLabel } from '../safety/crisis-labels';

const ACTIONS: Record<string, string> = {
  'message.removed': 'removed a message by',
  'message.flagged': 'flagged a message by',
  'message.pinned': 'pinned a message',
  'message.unpinned': 'unpinned a message',
  'member.muted': 'muted',
  'member.unmuted': 'lifted the mute of',
  'member.warned': 'warned',
  'member.removed': 'removed from the group',
  'member.banned': 'banned',
  'report.created': 'reported a message by',
  'report.resolved': 'resolved a report',
  'held.approved': 'approved a held message by',
  'held.rejected': 'did not approve a held message by',
  'incident.opened': 'opened a crisis incident about',
  'incident.acknowledged': 'acknowledged the crisis incident about',
  'incident.resolved': 'resolved the crisis incident about',
  'incident.escalated': 'escalated to the admins the crisis incident about',
  'room.mode_changed': 'changed the room mode',
  'term.added': 'added a blocked term',
  'term.removed': 'removed a blocked term',
  'crisis_resources.changed': 'changed the crisis resources',
};

const REPORT_WORDS: Record<string, string> = {
  harassment: 'Harassment or unkindness',
  crisis_concern: 'Worried about this person',
  triggering_content: 'Triggering content',
  privacy_breach: 'Shares someone’s private information',
  spam: 'Spam',
  other: 'Something else',
  dismissed: 'Dismissed',
  message_removed: 'Message removed',
  member_muted: 'Member muted',
  member_warned: 'Member warned',
  member_removed: 'Member removed',
  member_banned: 'Member banned',
};

/** Who did it, by pseudonym: Hearth itself (the filter, the detector, the clock) has no actor. */
function who(event: AuditEventDto): string {
  if (event.actorPseudonym) return event.actorPseudonym;
  return event.actorUserId ? 'An admin' : 'Hearth';
}

function whom(event: AuditEventDto): string {
  if (event.targetPseudonym) return event.targetPseudonym;
  return event.targetUserId ? 'A former member' : '—';
}

/** Why, in words: the reason given, or what the event's details say; never a code. */
function why(event: AuditEventDto): string {
  const details = event.details ?? {};
  if (event.action === 'incident.opened' && typeof details.category === 'string') {
    const source = details.source as Parameters<typeof sourceLabel>[0];
    return `${categoryTitle(details.category)}, ${sourceLabel(source)}`;
  }
  if (event.action === 'report.created') return REPORT_WORDS[event.reason ?? ''] ?? 'A report';
  if (event.action === 'report.resolved') {
    const outcome = REPORT_WORDS[String(details.outcome)] ?? 'Resolved';
    return event.reason ? `${outcome}: ${event.reason}` : outcome;
  }
  if (event.action === 'member.muted') {
    const until =
      typeof details.until === 'string' ? `Until ${formatDateTime(details.until)}` : 'Until lifted';
    return event.reason ? `${event.reason} (${until.toLowerCase()})` : until;
  }
  return event.reason ?? '';
}

/** The group's audit log as sentences: who did what, to whom, why and when; pseudonyms only, never accounts. */
export function AuditTab({ groupId }: { groupId: string }) {
  const audit = useLoad(() => http.get<AuditEventDto[]>(`/groups/${groupId}/audit`), [groupId]);
  if (!audit.data) return <Pending loaded={audit} />;
  return (
    <div>
      <h2>Audit log</h2>
      {audit.data.length === 0 && <p className="empty">Nothing has been done here yet.</p>}
      {/* Explicit roles: the phone layout stacks each row, and CSS display must not take the table away. */}
      <table className="table audit-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              When
            </th>
            <th scope="col" role="columnheader">
              Who
            </th>
            <th scope="col" role="columnheader">
              What
            </th>
            <th scope="col" role="columnheader">
              To whom
            </th>
            <th scope="col" role="columnheader">
              Why
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {audit.data.map((event) => (
            <tr key={event.id} role="row">
              <td role="cell" data-label="When">
                <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
              </td>
              <td role="cell" data-label="Who">
                {who(event)}
              </td>
              <td role="cell" data-label="What">
                {ACTIONS[event.action] ?? 'took a moderation action'}
              </td>
              <td role="cell" data-label="To whom">
                {whom(event)}
              </td>
              <td role="cell" data-label="Why">
                {why(event)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

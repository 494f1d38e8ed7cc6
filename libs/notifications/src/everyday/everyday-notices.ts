import type { Notice, NoticeKind } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';

const WORDING: Record<
  Exclude<NoticeKind, 'crisis_alert' | 'crisis_escalated'>,
  { title: string; body: string }
> = {
  mention: { title: 'You were mentioned', body: 'Someone mentioned you in {group}.' },
  reply: { title: 'A reply to you', body: 'Someone replied to your message in {group}.' },
  join_request: { title: 'A request to join', body: 'Someone asked to join {group}.' },
  report: { title: 'A message was reported', body: 'A message in {group} was reported for your review.' },
  muted: {
    title: 'A facilitator paused your posting',
    body: 'A facilitator of {group} paused your posting for now. Open Hearth to read why.',
  },
  message_removed: {
    title: 'A facilitator removed a message of yours',
    body: 'A facilitator of {group} removed one of your messages. Open Hearth to read why.',
  },
};

/**
 * An everyday notice, content-free like every notice: what happened and where, never what was written or by
 * whom; the group named only for someone who chose "show group names".
 */
export function everydayNotice(
  kind: keyof typeof WORDING,
  preferences: Pick<Preferences, 'showGroupNames'>,
  group: { id: string; name: string | null },
  url: string,
  tag: string,
): Notice {
  const where = preferences.showGroupNames && group.name ? group.name : 'your group';
  return { kind, title: WORDING[kind].title, body: WORDING[kind].body.replace('{group}', where), url, tag };
}

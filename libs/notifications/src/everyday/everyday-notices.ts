import type { Notice, NoticeKind } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';

type EverydayKind = Exclude<
  NoticeKind,
  'crisis_alert' | 'crisis_escalated' | 'meeting_reminder' | 'questionnaire_due'
>;

/** `{group}` is the group's name for those who chose to see it, else `unnamed`. */
const WORDING: Record<EverydayKind, { title: string; body: string; unnamed?: string }> = {
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
  new_messages: { title: 'New messages', body: 'There are new messages in {group}.' },
  messages_digest: {
    title: 'New messages',
    body: 'There are new messages in {group} since you last looked.',
    unnamed: 'your groups',
  },
  agreement_updated: {
    title: 'A new group agreement',
    body: '{group} has a new agreement. Read and accept it in Hearth to post again.',
    unnamed: 'Your group',
  },
  join_approved: {
    title: 'Your request was accepted',
    body: 'You can join {group}: open Hearth to accept its agreement.',
    unnamed: 'the group you asked to join',
  },
  join_declined: {
    title: 'About your request to join',
    body: 'Your request to join {group} was not accepted. Open Hearth to read the facilitator’s note.',
    unnamed: 'a group',
  },
};

/**
 * An everyday notice, content-free like every notice: what happened and where, never what was written or by
 * whom; the group named only for someone who chose "show group names".
 */
export function everydayNotice(
  kind: EverydayKind,
  preferences: Pick<Preferences, 'showGroupNames'>,
  group: { id: string; name: string | null },
  url: string,
  tag: string,
): Notice {
  const wording = WORDING[kind];
  const where = preferences.showGroupNames && group.name ? group.name : (wording.unnamed ?? 'your group');
  return { kind, title: wording.title, body: wording.body.replace('{group}', where), url, tag };
}

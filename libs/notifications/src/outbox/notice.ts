/** What a notification is about; each is sent under one preference category (see `Notification.category`). */
export type NoticeKind =
  | 'crisis_alert'
  | 'crisis_escalated'
  | 'mention'
  | 'reply'
  | 'join_request'
  | 'report'
  | 'muted'
  | 'message_removed'
  | 'new_messages'
  | 'messages_digest'
  | 'meeting_reminder'
  | 'agreement_updated'
  | 'join_approved'
  | 'join_declined'
  | 'check_in_offered'
  | 'check_in_requested'
  | 'questionnaire_due';

/**
 * What a lock screen or an inbox shows: content-free. Never a message's or a journal's words, never a person's
 * name; a group's name only for someone who chose "show group names".
 */
export interface Notice {
  kind: NoticeKind;
  title: string;
  body: string;
  /** A path in the web client (`/groups/…`); email turns it into a full link with PUBLIC_URL. */
  url: string;
  /** Notifications with the same tag replace each other on a device (a repeat replaces the first alert). */
  tag: string;
  /** Stay on screen until dealt with (crisis alerts). */
  requireInteraction?: boolean;
  /** The language it is written in (an email's own words follow it); English when absent. */
  language?: 'en' | 'es';
}

import type { Notice } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';
import type { CrisisPage } from './crisis-page.entity.js';

/** The first alert, a repeat while nobody has acknowledged it, or the escalation to the admins. */
export type CrisisRound = 'opened' | 'repeat' | 'escalated';

/**
 * What a lock screen shows about a crisis incident: no words of the message, no name of the person; the group's
 * name only for someone who chose "show group names". The link opens the incident in the console.
 */
export function crisisNotice(
  page: Pick<CrisisPage, 'incidentId' | 'groupId' | 'tier'>,
  round: CrisisRound,
  preferences: Pick<Preferences, 'showGroupNames'>,
  groupName: string | null,
): Notice {
  const where = preferences.showGroupNames && groupName ? `in ${groupName}` : 'in your group';
  const now = page.tier === 'urgent' ? ' now' : '';
  const text: Record<CrisisRound, { title: string; body: string }> = {
    opened: {
      title: page.tier === 'urgent' ? 'Urgent: someone may need support' : 'Someone may need support',
      body: `Someone ${where} may need support${now}. Open Hearth to respond.`,
    },
    repeat: {
      title: 'Still unanswered: someone may need support',
      body: `No facilitator has acknowledged it yet. Someone ${where} may need support${now}.`,
    },
    escalated: {
      title: 'Unanswered crisis alert',
      body: `No facilitator acknowledged a crisis alert ${
        preferences.showGroupNames && groupName ? `in ${groupName}` : 'in a group'
      } in time. Please look now.`,
    },
  };
  return {
    kind: round === 'escalated' ? 'crisis_escalated' : 'crisis_alert',
    ...text[round],
    url: `/groups/${page.groupId}/console?tab=incidents&incident=${page.incidentId}`,
    tag: `incident-${page.incidentId}`,
    requireInteraction: true,
  };
}

import type { Notice } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';
import type { CrisisPage } from './crisis-page.entity.js';

/** The first alert, a repeat while nobody has acknowledged it, or the escalation to the admins. */
export type CrisisRound = 'opened' | 'repeat' | 'escalated';

type Words = Record<
  CrisisRound,
  { title: (urgent: boolean) => string; body: (where: string, urgent: boolean) => string }
>;

const WORDS: Record<
  'en' | 'es',
  { inGroup: (name: string) => string; yourGroup: string; aGroup: string } & Words
> = {
  en: {
    inGroup: (name) => `in ${name}`,
    yourGroup: 'in your group',
    aGroup: 'in a group',
    opened: {
      title: (urgent) => (urgent ? 'Urgent: someone may need support' : 'Someone may need support'),
      body: (where, urgent) =>
        `Someone ${where} may need support${urgent ? ' now' : ''}. Open Hearth to respond.`,
    },
    repeat: {
      title: () => 'Still unanswered: someone may need support',
      body: (where, urgent) =>
        `No facilitator has acknowledged it yet. Someone ${where} may need support${urgent ? ' now' : ''}.`,
    },
    escalated: {
      title: () => 'Unanswered crisis alert',
      body: (where) => `No facilitator acknowledged a crisis alert ${where} in time. Please look now.`,
    },
  },
  es: {
    inGroup: (name) => `en ${name}`,
    yourGroup: 'en tu grupo',
    aGroup: 'en un grupo',
    opened: {
      title: (urgent) =>
        urgent ? 'Urgente: alguien puede necesitar apoyo' : 'Alguien puede necesitar apoyo',
      body: (where, urgent) =>
        `Alguien ${where} puede necesitar apoyo${urgent ? ' ahora' : ''}. Abre Hearth para responder.`,
    },
    repeat: {
      title: () => 'Sin respuesta todavía: alguien puede necesitar apoyo',
      body: (where, urgent) =>
        `Ninguna facilitadora lo ha atendido aún. Alguien ${where} puede necesitar apoyo${urgent ? ' ahora' : ''}.`,
    },
    escalated: {
      title: () => 'Alerta de crisis sin respuesta',
      body: (where) =>
        `Ninguna facilitadora atendió a tiempo una alerta de crisis ${where}. Mírala ahora, por favor.`,
    },
  },
};

/**
 * What a lock screen shows about a crisis incident: no words of the message, no name of the person; the group's
 * name only for someone who chose "show group names"; in the reader's language. The link opens the incident.
 */
export function crisisNotice(
  page: Pick<CrisisPage, 'incidentId' | 'groupId' | 'tier'>,
  round: CrisisRound,
  preferences: Pick<Preferences, 'showGroupNames' | 'language'>,
  groupName: string | null,
): Notice {
  const language = preferences.language ?? 'en';
  const words = WORDS[language];
  const named = preferences.showGroupNames && groupName ? words.inGroup(groupName) : null;
  const where = named ?? (round === 'escalated' ? words.aGroup : words.yourGroup);
  const urgent = page.tier === 'urgent';
  return {
    kind: round === 'escalated' ? 'crisis_escalated' : 'crisis_alert',
    title: words[round].title(urgent),
    body: words[round].body(where, urgent),
    url: `/groups/${page.groupId}/console?tab=incidents&incident=${page.incidentId}`,
    tag: `incident-${page.incidentId}`,
    requireInteraction: true,
    language,
  };
}

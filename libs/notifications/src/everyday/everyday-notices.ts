import type { Notice, NoticeKind } from '../outbox/notice.js';
import type { Preferences } from '../preferences/preferences.js';

type EverydayKind = Exclude<
  NoticeKind,
  'crisis_alert' | 'crisis_escalated' | 'meeting_reminder' | 'questionnaire_due'
>;
type Wording = Record<EverydayKind, { title: string; body: string; unnamed?: string }>;

/** `{group}` is the group's name for those who chose to see it, else `unnamed` ("your group"). */
const WORDING: Record<'en' | 'es', Wording> = {
  en: {
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
    check_in_offered: {
      title: 'A private check-in',
      body: 'A facilitator of {group} would like to check in with you privately. Only you two can read it.',
      unnamed: 'your group',
    },
    check_in_requested: {
      title: 'Someone would like to talk',
      body: 'A member of {group} asked to talk with a facilitator privately.',
      unnamed: 'your group',
    },
  },
  es: {
    mention: { title: 'Te mencionaron', body: 'Alguien te mencionó en {group}.', unnamed: 'tu grupo' },
    reply: {
      title: 'Te respondieron',
      body: 'Alguien respondió a tu mensaje en {group}.',
      unnamed: 'tu grupo',
    },
    join_request: {
      title: 'Una solicitud para unirse',
      body: 'Alguien pidió unirse a {group}.',
      unnamed: 'tu grupo',
    },
    report: {
      title: 'Se reportó un mensaje',
      body: 'Se reportó un mensaje en {group} para que lo revises.',
      unnamed: 'tu grupo',
    },
    muted: {
      title: 'Una facilitadora pausó tus mensajes',
      body: 'Una facilitadora de {group} pausó tus mensajes por ahora. Abre Hearth para leer por qué.',
      unnamed: 'tu grupo',
    },
    message_removed: {
      title: 'Una facilitadora quitó un mensaje tuyo',
      body: 'Una facilitadora de {group} quitó uno de tus mensajes. Abre Hearth para leer por qué.',
      unnamed: 'tu grupo',
    },
    new_messages: { title: 'Mensajes nuevos', body: 'Hay mensajes nuevos en {group}.', unnamed: 'tu grupo' },
    messages_digest: {
      title: 'Mensajes nuevos',
      body: 'Hay mensajes nuevos en {group} desde la última vez que miraste.',
      unnamed: 'tus grupos',
    },
    agreement_updated: {
      title: 'Un acuerdo de grupo nuevo',
      body: '{group} tiene un acuerdo nuevo. Léelo y acéptalo en Hearth para volver a escribir.',
      unnamed: 'Tu grupo',
    },
    join_approved: {
      title: 'Aceptaron tu solicitud',
      body: 'Puedes unirte a {group}: abre Hearth para aceptar su acuerdo.',
      unnamed: 'el grupo al que pediste unirte',
    },
    join_declined: {
      title: 'Sobre tu solicitud para unirte',
      body: 'No se aceptó tu solicitud para unirte a {group}. Abre Hearth para leer la nota de la facilitadora.',
      unnamed: 'un grupo',
    },
    check_in_offered: {
      title: 'Una conversación privada',
      body: 'Alguien que facilita {group} quiere hablar contigo en privado. Solo ustedes pueden leerla.',
      unnamed: 'tu grupo',
    },
    check_in_requested: {
      title: 'Alguien quiere hablar',
      body: 'Una persona de {group} pidió hablar en privado con quien facilita.',
      unnamed: 'tu grupo',
    },
  },
};

/**
 * An everyday notice, content-free like every notice: what happened and where, never what was written or by
 * whom; the group named only for someone who chose "show group names"; in her language.
 */
export function everydayNotice(
  kind: EverydayKind,
  preferences: Pick<Preferences, 'showGroupNames' | 'language'>,
  group: { id: string; name: string | null },
  url: string,
  tag: string,
): Notice {
  const language = preferences.language ?? 'en';
  const wording = WORDING[language][kind];
  const fallback = language === 'es' ? 'tu grupo' : 'your group';
  const where = preferences.showGroupNames && group.name ? group.name : (wording.unnamed ?? fallback);
  return { kind, title: wording.title, body: wording.body.replace('{group}', where), url, tag, language };
}

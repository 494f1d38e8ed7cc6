import type { SpokenLanguage } from '@hearth/core';

import type { QuestionnaireAssignment } from './questionnaire-assignment.entity.js';
import { INSTRUMENTS } from '../instruments/catalogue.js';

/** What Hearth writes into an agreement, per language. Only these blocks are ever taken out again. */
const WORDS: Record<
  SpokenLanguage,
  { heading: string; intro: string; every: (days: number) => string; consent: string }
> = {
  en: {
    heading: '## Questionnaires this group asks for',
    intro: 'Hearth reminds each member to complete:',
    every: (days) => (days === 7 ? 'every week' : `every ${days} days`),
    consent:
      'Your answers are sealed with your own key. Facilitators see your scores only if you choose to share them ' +
      'with this group, and you can stop sharing at any time. If you answer that you have had thoughts of ' +
      'harming yourself, Hearth shows you the crisis lines and your safety plan at once, and lets this ' +
      'group’s facilitators know (without your other answers) so that one of them can check in with you.',
  },
  es: {
    heading: '## Cuestionarios que pide este grupo',
    intro: 'Hearth le recuerda a cada miembro responder:',
    every: (days) => (days === 7 ? 'cada semana' : `cada ${days} días`),
    consent:
      'Tus respuestas se guardan selladas con tu propia clave. Quienes facilitan ven tus puntuaciones solo si ' +
      'decides compartirlas con este grupo, y puedes dejar de compartirlas cuando quieras. Si respondes que has ' +
      'tenido pensamientos de hacerte daño, Hearth te muestra enseguida las líneas de crisis y tu plan de ' +
      'seguridad, y avisa a quienes facilitan este grupo (sin tus demás respuestas) para que alguien hable contigo.',
  },
};

/** Spanish says "la EPDS" (una escala) but "el PHQ-9" (un cuestionario). */
function article(language: SpokenLanguage, instrument: QuestionnaireAssignment['instrument']): string {
  if (language === 'en') return 'The';
  return instrument === 'epds' ? 'La' : 'El';
}

const LANGUAGES = Object.keys(WORDS) as SpokenLanguage[];

/** A closing paragraph the section is put before, so that the agreement still ends with it. */
const CLOSING = /^(by accepting|al aceptar)/i;

/** Whether a block of the agreement is one Hearth wrote into the section (in any language): never a person's. */
function isSectionBlock(block: string): boolean {
  return LANGUAGES.some((language) => {
    const words = WORDS[language];
    return (
      block === words.heading ||
      block === words.intro ||
      block === words.consent ||
      block.split('\n').every((line) => INSTRUMENT_LINE[language].test(line))
    );
  });
}

const names = Object.values(INSTRUMENTS)
  .map((instrument) => instrument.name.replace(/[-]/g, '\\-'))
  .join('|');
const INSTRUMENT_LINE: Record<SpokenLanguage, RegExp> = {
  en: new RegExp(`^- The (${names}), every (week|\\d+ days)\\.$`),
  es: new RegExp(`^- (El|La) (${names}), cada (semana|\\d+ días)\\.$`),
};

/**
 * The agreement with its questionnaire section rewritten from the active assignments (or removed when there
 * are none), in `language` (the facilitator's). Only the blocks Hearth itself wrote are taken out, in whichever
 * language they were written, so a facilitator's own words around them are never lost. Members accept the new
 * version before posting again: this is their consent to being asked.
 */
export function withAssignments(
  text: string,
  assignments: Pick<QuestionnaireAssignment, 'instrument' | 'everyDays'>[],
  language: SpokenLanguage = 'en',
): string {
  const blocks = text
    .trim()
    .split(/\n{2,}/)
    .filter((block) => !isSectionBlock(block.trim()));
  if (assignments.length === 0) return blocks.join('\n\n');
  const closing = blocks.length > 1 && CLOSING.test(blocks[blocks.length - 1]) ? blocks.pop()! : null;
  const words = WORDS[language];
  const lines = assignments.map(
    (a) =>
      `- ${article(language, a.instrument)} ${INSTRUMENTS[a.instrument].name}, ${words.every(a.everyDays)}.`,
  );
  return [
    ...blocks,
    words.heading,
    words.intro,
    lines.join('\n'),
    words.consent,
    ...(closing ? [closing] : []),
  ].join('\n\n');
}

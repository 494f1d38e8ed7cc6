import type { QuestionnaireAssignment } from './questionnaire-assignment.entity.js';
import { INSTRUMENTS } from '../instruments/catalogue.js';

/** The heading of the part of a group's agreement that states what the group asks for. */
export const SECTION_HEADING = '## Questionnaires this group asks for';

/**
 * The agreement with its questionnaire section rewritten from the active assignments (or removed when there
 * are none). Members accept the new version before posting again: this is their consent to being asked.
 */
export function withAssignments(
  text: string,
  assignments: Pick<QuestionnaireAssignment, 'instrument' | 'everyDays'>[],
): string {
  const start = text.indexOf(SECTION_HEADING);
  let rest = text;
  if (start !== -1) {
    const after = text.slice(start + SECTION_HEADING.length);
    // It runs to the next heading, or to the closing "By accepting…" paragraph it was put before.
    const next = after.search(/\n## |\n\nby accepting/i);
    rest = (
      text.slice(0, start).trimEnd() + (next === -1 ? '' : `\n\n${after.slice(next).trimStart()}`)
    ).trimEnd();
  }
  if (assignments.length === 0) return rest.trimEnd();
  // The section goes before a closing "By accepting…" paragraph, so that the agreement still ends with it.
  const paragraphs = rest.trimEnd().split(/\n{2,}/);
  const closing = /^by accepting/i.test(paragraphs[paragraphs.length - 1] ?? '') ? paragraphs.pop()! : null;
  rest = paragraphs.join('\n\n');
  const lines = assignments.map(
    (a) =>
      `- The ${INSTRUMENTS[a.instrument].name}, every ${a.everyDays === 7 ? 'week' : `${a.everyDays} days`}.`,
  );
  return [
    rest.trimEnd(),
    '',
    SECTION_HEADING,
    '',
    'Hearth reminds each member to complete:',
    '',
    ...lines,
    '',
    'Your answers are sealed with your own key. Facilitators see your scores only if you choose to share them ' +
      'with this group, and you can stop sharing at any time. If you answer that you have had thoughts of ' +
      'harming yourself, Hearth shows you the crisis lines and your safety plan at once, and lets this ' +
      'group’s facilitators know (without your other answers) so that one of them can check in with you.',
    ...(closing ? ['', closing] : []),
  ].join('\n');
}

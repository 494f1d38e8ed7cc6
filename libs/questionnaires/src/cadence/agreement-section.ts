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
    const next = after.search(/\n## /);
    rest = (text.slice(0, start) + (next === -1 ? '' : after.slice(next + 1))).trimEnd();
  }
  if (assignments.length === 0) return rest.trimEnd();
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
  ].join('\n');
}

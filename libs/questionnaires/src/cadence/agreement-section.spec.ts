import { withAssignments } from './agreement-section.js';

const SECTION_HEADING = '## Questionnaires this group asks for';

const AGREEMENT =
  '# Our agreement\n\nWe listen.\n\n## Confidentiality\n\nWhat is said here stays here.\n\nBy accepting, you agree to all of this.';

describe("a group agreement's questionnaire section", () => {
  it('goes before the closing paragraph, is rewritten in place, and leaves no trace when removed', () => {
    const one = withAssignments(AGREEMENT, [{ instrument: 'phq9', everyDays: 14 }]);
    expect(one.indexOf(SECTION_HEADING)).toBeGreaterThan(one.indexOf('stays here'));
    expect(one.trimEnd().endsWith('By accepting, you agree to all of this.')).toBe(true);
    expect(one).toContain('- The PHQ-9, every 14 days.');
    const two = withAssignments(one, [
      { instrument: 'phq9', everyDays: 14 },
      { instrument: 'gad7', everyDays: 7 },
    ]);
    expect(two.split(SECTION_HEADING)).toHaveLength(2);
    expect(two).toContain('- The GAD-7, every week.');
    expect(two.trimEnd().endsWith('By accepting, you agree to all of this.')).toBe(true);
    expect(withAssignments(two, [])).toBe(AGREEMENT);
  });

  it('keeps what a facilitator wrote after it', () => {
    const one = withAssignments('# Ours\n\nBe kind.', [{ instrument: 'gad7', everyDays: 14 }]);
    const added = `${one}\n\n## Meetings\n\nTuesdays.`;
    expect(withAssignments(added, [])).toBe('# Ours\n\nBe kind.\n\n## Meetings\n\nTuesdays.');
  });

  it('writes the section in the facilitator’s language and keeps a closing paragraph in Spanish', () => {
    const spanish =
      '# Nuestro acuerdo\n\nNos escuchamos.\n\nAl aceptar, te comprometes a cuidar lo que se comparte aquí.';
    const one = withAssignments(spanish, [{ instrument: 'phq9', everyDays: 14 }], 'es');
    expect(one).toContain('## Cuestionarios que pide este grupo');
    expect(one).toContain('- El PHQ-9, cada 14 días.');
    const scale = withAssignments(
      one,
      [
        { instrument: 'phq9', everyDays: 14 },
        { instrument: 'epds', everyDays: 28 },
      ],
      'es',
    );
    expect(scale).toContain('- El PHQ-9, cada 14 días.\n- La EPDS, cada 28 días.');
    expect(scale.split('## Cuestionarios que pide este grupo')).toHaveLength(2);
    expect(withAssignments(scale, [], 'es')).toBe(spanish);
    expect(one).toContain('Tus respuestas se guardan selladas');
    expect(one).not.toMatch(/Hearth reminds|Your answers/);
    expect(one.endsWith('Al aceptar, te comprometes a cuidar lo que se comparte aquí.')).toBe(true);
    // Ended in English by another facilitator: the Spanish section goes, her closing words stay.
    expect(withAssignments(one, [], 'en')).toBe(spanish);
  });

  it('never takes out a facilitator’s own words, even where the section had no closing paragraph after it', () => {
    const own = '# Ours\n\nBe kind.\n\nWe meet on Tuesdays; bring tea.';
    const one = withAssignments(own, [{ instrument: 'gad7', everyDays: 7 }]);
    const edited = `${one}\n\nThank you for being here.`;
    expect(withAssignments(edited, [])).toBe(`${own}\n\nThank you for being here.`);
  });
});

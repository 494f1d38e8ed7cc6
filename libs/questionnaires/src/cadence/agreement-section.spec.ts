import { SECTION_HEADING, withAssignments } from './agreement-section.js';

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
});

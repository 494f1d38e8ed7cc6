import { describe, expect, it } from '@jest/globals';

import { REPORT_REASONS } from './report.entity.js';
import { reportRefusal, routeReport } from './report-routing.js';

describe('Where a report goes', () => {
  it('sends every member report to the facilitators, and a crisis concern also to an incident', () => {
    for (const reason of REPORT_REASONS) {
      expect(routeReport(reason)).toEqual({
        facilitatorsSee: 'report',
        incident: reason === 'crisis_concern' ? { category: 'crisis_concern' } : null,
      });
    }
  });

  it('shows the filter’s reports as flags, never as incidents', () => {
    expect(routeReport('automatic_flag')).toEqual({ facilitatorsSee: 'flag', incident: null });
  });
});

describe('Who may report a message', () => {
  const message = { visible: true, authorUserId: 'author' };

  it('lets anyone but its author report a visible message', () => {
    expect(reportRefusal(message, 'someone')).toBeNull();
    expect(reportRefusal(message, 'author')).toEqual({
      status: 'own_message',
      message: 'You cannot report your own message',
    });
  });

  it('answers "not found" for a message that is missing, held, removed or deleted', () => {
    expect(reportRefusal(null, 'someone')?.status).toBe('not_found');
    expect(reportRefusal({ ...message, visible: false }, 'someone')?.status).toBe('not_found');
    // Even its author is told it is not found: nothing about a hidden message is revealed.
    expect(reportRefusal({ ...message, visible: false }, 'author')?.status).toBe('not_found');
  });
});

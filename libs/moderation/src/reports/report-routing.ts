/** What is known of the reported message when a member reports it. */
export interface ReportedMessage {
  /** In the timeline and not deleted (only such messages can be reported). */
  visible: boolean;
  authorUserId: string | null;
}

export type ReportRefusal = { status: 'not_found' | 'own_message'; message: string };

/** Whether this member may report this message; null when they may. */
export function reportRefusal(message: ReportedMessage | null, reporterUserId: string): ReportRefusal | null {
  if (!message || !message.visible) return { status: 'not_found', message: 'Message not found' };
  if (message.authorUserId === reporterUserId)
    return { status: 'own_message', message: 'You cannot report your own message' };
  return null;
}

export interface ReportRoute {
  /** Every report reaches the group's facilitators, as a report or (from the filter) as a flag. */
  facilitatorsSee: 'report' | 'flag';
  /** A crisis concern is also a crisis incident about the message's author: resources and an alert at once. */
  incident: { category: string } | null;
}

/** Where a report goes, by its reason (one of REPORT_REASONS, or the filter's `automatic_flag`). */
export function routeReport(reason: string): ReportRoute {
  return {
    facilitatorsSee: reason === 'automatic_flag' ? 'flag' : 'report',
    incident: reason === 'crisis_concern' ? { category: 'crisis_concern' } : null,
  };
}

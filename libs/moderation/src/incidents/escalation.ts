/**
 * When an open incident nobody acknowledged goes to the admins: once it has been open for `minutes`
 * (SAFETY_ESCALATION_MINUTES). Incidents opened at or before the cutoff are overdue.
 */
export function escalationCutoff(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}

export interface EscalationFacts {
  status: 'open' | 'acknowledged' | 'resolved';
  openedAt: Date;
  escalatedAt: Date | null;
}

/** Whether this incident is due to escalate now: still open, never escalated, and open long enough. */
export function isOverdue(incident: EscalationFacts, now: Date, minutes: number): boolean {
  return (
    incident.status === 'open' &&
    incident.escalatedAt === null &&
    incident.openedAt.getTime() <= escalationCutoff(now, minutes).getTime()
  );
}

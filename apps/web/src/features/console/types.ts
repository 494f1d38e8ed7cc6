import type { MessageDto } from '@hearth/contracts';

// Moderation resources as the API returns them; only the console (facilitators and admins) reads these.

export interface QueueItem {
  kind: 'report' | 'held' | 'incident';
  id: string;
  groupId: string;
  createdAt: string;
  reason: string | null;
  note: string | null;
  message: MessageDto | null;
  incident?: { category: string; status: string; escalated: boolean; source: string };
}

export interface Incident {
  id: string;
  groupId: string;
  subjectUserId: string | null;
  subjectMembershipId: string | null;
  messageId: string | null;
  source: 'detector' | 'report';
  category: string;
  status: 'open' | 'acknowledged' | 'resolved';
  openedAt: string;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  resolvedAt: string | null;
  notes: { id: string; note: string; createdAt: string }[];
}

export interface AuditEvent {
  id: string;
  action: string;
  actorUserId: string | null;
  targetUserId: string | null;
  targetMessageId: string | null;
  reason: string | null;
  createdAt: string;
}

export interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
}

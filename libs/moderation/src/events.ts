import type { CrisisTier } from '@hearth/safety';
/** Domain events of the moderation library: they tell every node to refresh what it keeps for the hot path. */
export const ModerationEvents = {
  settingsChanged: 'moderation.settings_changed',
  muteChanged: 'moderation.mute_changed',
  termsChanged: 'moderation.terms_changed',
} as const;

export class RoomSettingsChangedEvent {
  constructor(readonly groupId: string) {}
}

export class MuteChangedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
  ) {}
}

/** `groupId` null: the platform-wide list changed. */
export class BlockedTermsChangedEvent {
  constructor(readonly groupId: string | null) {}
}

/** Facts other libraries may react to (notifications, measures): emitted after commit, on the node where they happen. */
export const SafetyEvents = {
  incidentOpened: 'incident.opened',
  incidentAcknowledged: 'incident.acknowledged',
  incidentEscalated: 'incident.escalated',
  incidentResolved: 'incident.resolved',
  reportFiled: 'report.filed',
  memberMuted: 'member.muted',
  messageHeld: 'message.held',
} as const;

/**
 * Someone may be in crisis: words of crisis in a message (`detector`), or a member's crisis concern about
 * another's message (`report`).
 */
export class IncidentOpenedEvent {
  constructor(
    readonly incidentId: string,
    readonly groupId: string,
    readonly subjectUserId: string | null,
    readonly subjectMembershipId: string | null,
    readonly messageId: string | null,
    readonly source: 'detector' | 'report' | 'questionnaire' | 'facilitator',
    readonly category: string,
    readonly tier: CrisisTier,
    /** The writer's language and whether her words were frightening intrusive thoughts: her resources follow. */
    readonly support: { language: 'en' | 'es'; intrusive: boolean },
  ) {}
}

/** A facilitator acknowledged (`incident.acknowledged`) or resolved (`incident.resolved`) an incident. */
export class IncidentAnsweredEvent {
  constructor(
    readonly incidentId: string,
    readonly groupId: string,
    readonly byUserId: string,
  ) {}
}

/** Nobody acknowledged an open incident in time: it goes to every admin. */
export class IncidentEscalatedEvent {
  constructor(
    readonly incidentId: string,
    readonly groupId: string,
    readonly subjectMembershipId: string | null,
    readonly openedAt: string,
  ) {}
}

/**
 * A message was reported to the group's facilitators: by a member (`reporterUserId`), or by the filter
 * (`automatic_flag`, no reporter). The reporter is never named to the reported member.
 */
export class ReportFiledEvent {
  constructor(
    readonly reportId: string,
    readonly groupId: string,
    readonly messageId: string,
    readonly reason: string,
    readonly reporterUserId: string | null,
    /** The reported message's author: a facilitator is not told about reports of her own messages. */
    readonly authorUserId: string | null = null,
  ) {}
}

/** A facilitator muted a member; `until` is null for a mute until lifted. */
export class MemberMutedEvent {
  constructor(
    readonly groupId: string,
    readonly userId: string,
    readonly byUserId: string,
    readonly until: string | null,
  ) {}
}

/** The pipeline held a message for a facilitator's review. */
export class MessageHeldEvent {
  constructor(
    readonly groupId: string,
    readonly messageId: string,
    readonly authorUserId: string,
    readonly authorMembershipId: string,
    readonly reasons: string[],
  ) {}
}

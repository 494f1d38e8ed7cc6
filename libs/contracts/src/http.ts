/**
 * The HTTP resources the web client reads, as plain types. The server's view classes implement these, so the
 * compiler keeps both sides in step; the web client imports them from `@hearth/contracts`.
 */

import type { CrisisResourceDto } from './events.js';
import type { MessageDto } from './messages.js';

/**
 * Every HTTP error has this shape. `code`, where present, names the error for clients that say it in the person's
 * language (`INVALID_CREDENTIALS`, `RATE_LIMITED`, …); a field's `code` names the rule it broke (class-validator's
 * constraint, such as `isEmail` or `minLength`, or `incorrect`, `tooShort`, `tooCommon`, `mismatch`).
 */
export interface ErrorBodyDto {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: { field: string; message: string; code?: string }[];
}

/** Public facts a client needs before anyone signs in. */
export interface InstanceDto {
  /** True while the instance has no account: the first sign-up becomes its admin. */
  needsSetup: boolean;
  registration: 'open' | 'invite';
  /** The Web Push (VAPID) public key for `pushManager.subscribe`; null when this deployment sends no pushes. */
  webPush: { publicKey: string } | null;
  /** Whether this instance sends email (SMTP_URL is set): password reset by email, address verification. */
  email: boolean;
}

export type PlatformRole = 'admin' | 'facilitator' | 'member';

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  role: PlatformRole;
  disabled: boolean;
  /** Signing in asks for a second factor. */
  secondFactor: boolean;
  /** The person opened a verification link sent to this address. */
  emailVerified: boolean;
  createdAt: string;
}

/** POST /api/auth/password-reset: the same answer whether or not an account uses the address. */
export interface PasswordResetRequestedDto {
  message: string;
}

/** POST /api/admin/users/:id/reset-link: a one-time link to hand to the person by another channel. */
export interface ResetLinkDto {
  url: string;
  expiresAt: string;
}

/** POST /api/me/email-verification: a new link is on its way. */
export interface EmailVerificationSentDto {
  message: string;
}

/** POST /api/admin/users: the new account, with the temporary password when the server made one (shown once). */
export interface CreatedUserDto extends UserDto {
  temporaryPassword?: string;
}

export interface TokenPairDto {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface AuthSessionDto {
  user: UserDto;
  tokens: TokenPairDto;
}

export type SecondFactorMethod = 'totp' | 'passkey' | 'recovery';

/** The password was right; the account asks for a second factor before a session starts. */
export interface SecondFactorChallengeDto {
  secondFactor: {
    /** Carries this sign-in to `POST /api/auth/second-factor` (5 minutes). */
    ticket: string;
    methods: SecondFactorMethod[];
    expiresAt: string;
  };
}

/** What `POST /api/auth/login` answers: a session, or a request for the second factor. */
export type LoginResultDto = AuthSessionDto | SecondFactorChallengeDto;

export interface SecondFactorSummaryDto {
  id: string;
  kind: 'totp' | 'passkey';
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface TwoFactorStatusDto {
  enabled: boolean;
  /** This account's role must use a second factor (STAFF_2FA=required for admins and facilitators). */
  required: boolean;
  /** Required and not yet set up: the account acts as a member until it is. */
  setupRequired: boolean;
  factors: SecondFactorSummaryDto[];
  recoveryCodesLeft: number;
}

export interface TotpSetupDto {
  factorId: string;
  /** The base32 secret, for typing into an authenticator app by hand. */
  secret: string;
  otpauthUri: string;
  /** The same URI as a QR code, an SVG image. */
  qrCodeSvg: string;
}

export interface SecondFactorEnabledDto {
  factor: SecondFactorSummaryDto;
  /** Shown once, when the first factor is set up or the codes are renewed. */
  recoveryCodes: string[] | null;
}

export interface RecoveryCodesDto {
  recoveryCodes: string[];
}

/** WebAuthn options for the browser (`navigator.credentials`), and the ticket to send back with its answer. */
export interface PasskeyOptionsDto {
  options: Record<string, unknown>;
  ticket: string;
}

export type GroupRoleName = 'facilitator' | 'member';
export type MembershipStatusName = 'pending' | 'active' | 'left' | 'removed' | 'banned';

export interface NextMeetingDto {
  meetingId: string;
  title: string;
  startsAt: string;
  startsAtLocal: string;
  durationMinutes: number;
}

export interface MyMembershipDto {
  id: string;
  /** The role I can act in now: a facilitator membership counts only while my account is staff. */
  role: GroupRoleName;
  status: MembershipStatusName;
  pseudonym: string | null;
  agreementVersion: number | null;
  consentRequired: boolean;
  endedReason?: string;
  endedNote?: string;
}

export interface GroupDto {
  id: string;
  name: string;
  description: string;
  kind: 'circle' | 'cohort' | 'check_in';
  endsOn: string | null;
  visibility: 'listed' | 'unlisted';
  capacity: number;
  seatsLeft: number;
  status: 'active' | 'archived';
  timezone: string;
  agreementVersion: number;
  createdAt: string;
  nextMeeting: NextMeetingDto | null;
  membership: MyMembershipDto | null;
  unread: number | null;
  /** Admins only: facilitators who can act now; 0 means crisis alerts reach only admins. */
  activeFacilitators?: number;
}

export interface MemberDto {
  membershipId: string;
  pseudonym: string | null;
  role: GroupRoleName;
  status: MembershipStatusName;
  joinedAt: string | null;
  account?: { userId: string; displayName: string; email: string };
  agreementVersion?: number | null;
  endedReason?: string | null;
}

/** GET /api/groups/:id/moderation/mode: the room's mode and whether I myself may post. */
export interface RoomStateDto {
  mode: 'open' | 'read_only' | 'slow';
  slowSeconds: number | null;
  premoderateDays: number | null;
  /** True while a facilitator has muted me in this group. */
  muted: boolean;
  /** When my mute ends; null while muted until lifted, or when not muted. */
  mutedUntil: string | null;
  /** The facilitator's reason for my mute, when muted and a reason was given. */
  muteReason: string | null;
}

export interface AgreementDto {
  version: number;
  text: string;
  publishedAt: string;
}

export interface InviteDto {
  id: string;
  codeHint: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revoked: boolean;
  usable: boolean;
}

/** What an invitation link shows before sign-in: the group and its agreement in brief, nothing about members. */
export interface InvitePreviewDto {
  groupName: string;
  description: string;
  /** The agreement's opening paragraph, as written (Markdown). */
  agreementIntro: string;
  /** The agreement's section headings, in order. */
  agreementTopics: string[];
}

export interface CreatedInviteDto extends InviteDto {
  code: string;
  /** The web client's path for this invite: `/invite/<code>`. */
  path: string;
}

export interface JoinRequestDto {
  id: string;
  groupId: string;
  pseudonym: string;
  message: string | null;
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  applicant?: { userId: string; displayName: string; email: string };
}

// Journal: private to its author; nobody else's client ever receives these.

export interface JournalEntryDto {
  id: string;
  title: string | null;
  body: string;
  tags: string[];
  mood: number | null;
  sessionId: string | null;
  meetingId: string | null;
  promptId: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * What a journal save answers when the entry reads as crisis: only for the writer's own page, so that it can offer
 * help. Nothing about it is stored, logged or sent to anyone.
 */
export interface JournalSupportDto {
  tier: 'urgent' | 'concern';
  language: 'en' | 'es';
  /** Intrusive thoughts of harm the writer finds frightening: they get their own gentle wording. */
  intrusive: boolean;
}

/** A created or edited entry, with the support to offer in the page (null when the entry reads as no crisis). */
export interface SavedJournalEntryDto extends JournalEntryDto {
  support: JournalSupportDto | null;
}

/** How long a safety plan's lists and texts may be. */
export const SAFETY_PLAN_LIMITS = {
  /** Items in one step. */
  items: 12,
  /** Characters in one item of steps 1, 2, 3 and 6. */
  text: 200,
  name: 80,
  phone: 40,
  url: 300,
} as const;

export interface SafetyPlanContactDto {
  name: string;
  phone: string | null;
}

export interface SafetyPlanProfessionalDto {
  name: string;
  phone: string | null;
  url: string | null;
}

/** A personal safety plan in the six steps clinicians use. Private to its author, like the journal. */
export interface SafetyPlanStepsDto {
  /** 1. Warning signs that a hard time may be coming. */
  warningSigns: string[];
  /** 2. Things I can do on my own to feel calmer. */
  calmingActions: string[];
  /** 3. People and places that take my mind off things. */
  distractions: string[];
  /** 4. People I can ask for help. */
  helpers: SafetyPlanContactDto[];
  /** 5. Professionals and crisis lines. */
  professionals: SafetyPlanProfessionalDto[];
  /** 6. Making my surroundings safer, medicines included. */
  saferSurroundings: string[];
}

export interface SafetyPlanDto extends SafetyPlanStepsDto {
  /** Null while there is no plan. */
  updatedAt: string | null;
}

export interface TherapySessionDto {
  id: string;
  date: string;
  kind: string;
  intention: string | null;
  notes: string | null;
  createdAt: string;
}

export interface MoodCheckinViewDto {
  id: string;
  at: string;
  mood: number;
  energy: number | null;
  sleepHours: number | null;
  note: string | null;
  entryId: string | null;
}

export interface MoodStatDto {
  mean: number;
  min: number;
  max: number;
}

export interface MoodBucketDto {
  start: string;
  count: number;
  mood: MoodStatDto;
  energy: MoodStatDto | null;
  sleepHours: MoodStatDto | null;
}

export interface PromptDto {
  id: string;
  category: string;
  text: string;
  daysAfterSession: number | null;
  groupId: string | null;
}

export interface DuePromptDto extends PromptDto {
  sessionId: string;
  dueOn: string;
}

export interface JournalShareDto {
  id: string;
  entryId: string | null;
  groupId: string;
  target: 'group' | 'facilitators';
  messageId: string | null;
  createdAt: string;
  withdrawn: boolean;
}

export interface SharedReflectionDto {
  id: string;
  pseudonym: string | null;
  excerpt: string;
  createdAt: string;
}

export interface MeetingDto {
  id: string;
  groupId: string;
  title: string;
  startsAt: string;
  startsAtLocal: string;
  timezone: string;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  recurrence: 'weekly' | null;
  recurrenceEndsAt: string | null;
  cancelledOccurrences: string[];
  upcoming: string[];
}

/** One occurrence of a meeting, in the lists of upcoming meetings (`GET /api/me/meetings`). */
export interface OccurrenceDto {
  meetingId: string;
  groupId: string;
  groupName: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** In the group's time zone, with its offset. */
  startsAtLocal: string;
  timezone: string;
  location: string | null;
  /** Only for active members of the group: null while a membership waits for the agreement. */
  videoUrl: string | null;
  /** `weekly`: this occurrence is one of a series. */
  recurrence: 'weekly' | null;
}

// Moderation: what a group's facilitators (and admins) read in the console.

export interface QueueItemDto {
  kind: 'report' | 'held' | 'incident';
  id: string;
  groupId: string;
  createdAt: string;
  reason: string | null;
  note: string | null;
  message: MessageDto | null;
  incident?: {
    category: string;
    tier: 'urgent' | 'concern';
    status: string;
    escalated: boolean;
    source: string;
  };
}

export interface IncidentNoteDto {
  id: string;
  incidentId: string;
  authorUserId: string;
  /** The facilitator's pseudonym in the group (null for an admin who is not a member). */
  authorPseudonym: string | null;
  note: string;
  createdAt: string;
}

export interface IncidentDto {
  id: string;
  groupId: string;
  subjectUserId: string | null;
  subjectMembershipId: string | null;
  messageId: string | null;
  source: 'detector' | 'report' | 'questionnaire' | 'facilitator';
  category: string;
  /** `urgent`: intent, a plan, means, an act; `concern`: passive ideation, burden, frightening thoughts. */
  tier: 'urgent' | 'concern';
  status: 'open' | 'acknowledged' | 'resolved';
  openedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  escalatedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  notes: IncidentNoteDto[];
  groupName: string;
  /** The person's pseudonym in the group. */
  pseudonym: string | null;
  acknowledgedByPseudonym: string | null;
  /**
   * The message the incident is about and the few posted before it, oldest first, as facilitators read them
   * (text of removed messages included); empty when the incident names no message.
   */
  context: MessageDto[];
}

export interface AuditEventDto {
  id: string;
  groupId: string | null;
  actorUserId: string | null;
  action: string;
  targetUserId: string | null;
  targetMessageId: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
  /** Pseudonyms in the group, never accounts: null for the system, or for someone not a member. */
  actorPseudonym: string | null;
  targetPseudonym: string | null;
}

export interface BlockedTermEntryDto {
  id: string;
  groupId: string | null;
  term: string;
  action: 'block' | 'hold' | 'flag';
  createdBy: string;
  createdAt: string;
}

export interface CrisisResourceSetDto {
  country: string;
  resources: CrisisResourceDto[];
}

/**
 * A crisis line's number as people dial it: digits with spaces, dashes, dots or brackets, an optional leading +,
 * at least two digits ("15", "988", "+44 116 123", "1-800-944-4773"). The server and the admin form share it.
 */
export const CRISIS_PHONE_PATTERN = /^(?=(?:\D*\d){2})\+?[\d(][\d ().-]*\d$/;

/** What a staff member (or the person herself) saw or did with a person's records; see docs/security.md. */
export const ACCESS_KINDS = [
  'identity',
  'facilitator_reflection',
  'incident',
  'scores',
  'export',
  'erasure',
  'access_log',
  'check_in',
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** One entry of the access log about me, as I see it: who (display name and role, never an email), what, when. */
export interface MyAccessLogEntryDto {
  id: string;
  at: string;
  kind: AccessKind;
  resourceId: string | null;
  groupId: string | null;
  /** True when I did it myself (an export). */
  byMe: boolean;
  /** The staff member, or null when it was me or their account is gone. */
  actor: { displayName: string; role: PlatformRole } | null;
  /** Their platform role when it happened. */
  actorRole: PlatformRole;
}

export interface MyAccessLogPageDto {
  items: MyAccessLogEntryDto[];
  total: number;
}

/** One entry of the access log, as an admin reads it. */
export interface AccessLogEntryDto {
  id: string;
  at: string;
  kind: AccessKind;
  actorUserId: string | null;
  actorRole: PlatformRole;
  subjectUserId: string | null;
  resourceId: string | null;
  groupId: string | null;
}

export interface AccessLogPageDto {
  items: AccessLogEntryDto[];
  total: number;
}

export type DeviceKind = 'desktop' | 'mobile' | 'tablet' | 'unknown';

/** What a user agent says about a device, and nothing more (no address, no geolocation). */
export interface DeviceDto {
  browser: string | null;
  os: string | null;
  kind: DeviceKind;
}

/** One sign-in (a session) from my history. */
export interface SignInDto {
  id: string;
  startedAt: string;
  lastUsedAt: string;
  /** When it ended (signed out, revoked or expired), or null while it is active. */
  endedAt: string | null;
  endedReason: string | null;
  active: boolean;
  /** The session this request comes from. */
  current: boolean;
  /** When I said "this wasn't me", or null. */
  disownedAt: string | null;
  device: DeviceDto;
}

export interface NotMeResultDto {
  /** The sessions this ended on the spot (already-ended ones are only marked). */
  endedSessionIds: string[];
  signIn: SignInDto;
}

/** A browser or installed app of mine that receives Web Push. */
export interface PushSubscriptionDto {
  id: string;
  label: string;
  createdAt: string;
  /** When a push service last accepted a notification for it. */
  lastSuccessAt: string | null;
}

export type NotificationCategory =
  | 'crisis'
  | 'mentions'
  | 'messages'
  | 'meetings'
  | 'requests'
  | 'moderation'
  | 'membership'
  | 'questionnaires';

export interface NotificationPreferencesDto {
  channels: Record<NotificationCategory, { push: boolean; email: boolean }>;
  /** `HH:MM` in `timeZone`; only crisis alerts are sent inside them. */
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  showGroupNames: boolean;
  /** Minutes before each meeting to remind me (e.g. [1440, 60]); empty: no reminders. */
  meetingReminders: number[];
  /** null: a notice about new messages as they come (at most one per group every few minutes); else one digest
   * at most every so many hours. */
  messageDigestHours: number | null;
  /** The language of notices and emails. */
  language: 'en' | 'es';
  /** Categories I cannot switch off now (crisis alerts while I facilitate a group or run the instance). */
  locked: NotificationCategory[];
}

/** How fast a group's crisis incidents were acknowledged over the last `days` days. */
export interface IncidentResponseTimesDto {
  days: number;
  incidents: number;
  /** Acknowledged or resolved. */
  answered: number;
  /** Still open, nobody has acknowledged them. */
  unanswered: number;
  /** From opening to the first acknowledgement (or resolution), in seconds; null when none was answered. */
  medianSeconds: number | null;
  worstSeconds: number | null;
}

/** The questionnaires Hearth knows: PHQ-9 and GAD-7 built in, the EPDS once an admin installs its wording. */
export type QuestionnaireId = 'phq9' | 'gad7' | 'epds';

export interface SeverityBandDto {
  id: string;
  min: number;
  max: number;
  label: string;
  /** Never a diagnosis: what a score here suggests, and whom to talk to. */
  suggests: string;
}

export interface QuestionnaireSummaryDto {
  id: QuestionnaireId;
  name: string;
  /** Offered now: its words exist in some language (the EPDS only once installed). */
  available: boolean;
  languages: ('en' | 'es')[];
  maxScore: number;
  lookbackDays: number;
  attribution: string;
}

export interface QuestionnaireDto extends QuestionnaireSummaryDto {
  language: 'en' | 'es';
  title: string;
  instructions: string;
  items: { text: string; options: string[] }[];
  bands: SeverityBandDto[];
  /**
   * The item that asks about self-harm (its index) and the answer positions that score above zero there, so that a
   * device can show the crisis lines even when the answers cannot be sent; null where there is no such item.
   */
  selfHarm: { item: number; positions: number[] } | null;
}

/** What follows an answer above zero on the self-harm item (PHQ-9 item 9, EPDS item 10). */
export interface QuestionnaireSafetyDto {
  tier: 'urgent' | 'concern';
  /** The crisis lines to show at once, with her safety plan. */
  resources: CrisisResourceSetDto;
  /** An incident was opened for the facilitators of the group that asked for it (or that she chose to tell). */
  facilitatorsTold: boolean;
  /** Groups whose facilitators she may choose to tell (when she took it on her own and has told nobody). */
  canTell: { groupId: string; name: string }[];
}

export interface QuestionnaireResponseDto {
  id: string;
  instrument: QuestionnaireId;
  language: 'en' | 'es';
  completedAt: string;
  /** The group that asked for it; null when she took it on her own. */
  groupId: string | null;
  answers: number[];
  score: number;
  maxScore: number;
  band: SeverityBandDto;
  safety: QuestionnaireSafetyDto | null;
}

/** One instrument's course: every score, and the change since the first. */
export interface QuestionnaireHistoryDto {
  instrument: QuestionnaireId;
  name: string;
  maxScore: number;
  bands: SeverityBandDto[];
  points: { responseId: string; completedAt: string; score: number; band: string }[];
  first: number;
  latest: number;
  change: number;
  /** At least a 50 % drop from the first score. */
  response: boolean;
  /** Under the instrument's threshold (PHQ-9 and GAD-7 under 5, EPDS under 10). */
  remission: boolean;
}

/** A rhythm for one instrument: mine, or a group's assignment. */
export interface QuestionnaireCadenceDto {
  id: string;
  instrument: QuestionnaireId;
  everyDays: number;
  startsAt: string;
  /** Since when it is due (not completed in the current period); null when done for now. */
  dueSince: string | null;
  /** For an assignment, the group that asks. */
  groupId: string | null;
  groupName: string | null;
}

export interface ScoreShareDto {
  groupId: string;
  groupName: string;
  since: string;
}

/** For a group's facilitators: one member who shares her scores with them. */
export interface SharedScoresDto {
  membershipId: string;
  pseudonym: string | null;
  since: string;
  instruments: {
    instrument: QuestionnaireId;
    name: string;
    latest: { score: number; maxScore: number; band: string; completedAt: string };
    previous: number | null;
    trend: 'better' | 'worse' | 'steady' | null;
    /** Her latest answer on the self-harm item was above zero. */
    safety: { tier: 'urgent' | 'concern'; completedAt: string } | null;
  }[];
}

/**
 * A check-in: a private conversation between a group's facilitators and one member (docs/check-ins.md). Its `id`
 * is the conversation's: messages, history and the socket's `group:join` take it where they take a group id.
 */
export interface CheckInDto {
  id: string;
  /** The group whose facilitators take part. */
  groupId: string;
  groupName: string;
  /** The member, by the pseudonym she has in the group. */
  member: { membershipId: string; pseudonym: string | null };
  status: 'open' | 'closed';
  startedBy: 'facilitator' | 'member';
  /** Whether I am the member (otherwise one of the facilitators, or an admin after an escalation). */
  mine: boolean;
  createdAt: string;
  closedAt: string | null;
}

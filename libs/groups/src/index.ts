export { GroupsModule } from './groups.module.js';
export { groupsEntities } from './entities.js';
export * from './events.js';
export {
  GroupPolicy,
  can,
  effectiveGroupRole,
  type GroupAccess,
  type GroupAction,
} from './policy/group-policy.js';
export { Group } from './groups/group.entity.js';
export { Membership, type GroupRole, type MembershipStatus } from './memberships/membership.entity.js';
export { UNREAD_COUNTS, type UnreadCounts } from './groups/unread-counts.js';
export { assertOpen } from './groups/groups.service.js';
export { GroupIdParam, GroupMemberParam } from './groups/dto/group-id.dto.js';
export {
  postingFactsOf,
  postingRefusal,
  postingRefusals,
  roomEntryRefusal,
  POSTING_MESSAGES,
  type PostingFacts,
  type PostingRefusal,
} from './policy/posting-rule.js';
export { GroupKey } from './keys/group-key.entity.js';
export {
  GroupKeys,
  isSealed,
  rewrapGroupKeys,
  type LegacyField,
  type SealedPlace,
} from './keys/group-keys.service.js';
export { MeetingSchedule, type Occurrence } from './meetings/meeting-schedule.js';
export { AgreementsService } from './agreements/agreements.service.js';
export { CheckInsService, isCheckIn } from './check-ins/check-ins.service.js';
export { CHECK_IN_KIND, type GroupKind } from './groups/group.entity.js';

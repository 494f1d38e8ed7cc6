import { AgreementAcceptance } from './agreements/agreement-acceptance.entity.js';
import { GroupAgreement } from './agreements/group-agreement.entity.js';
import { CalendarFeed } from './calendar/calendar-feed.entity.js';
import { Group } from './groups/group.entity.js';
import { Invite } from './invites/invite.entity.js';
import { JoinRequest } from './join-requests/join-request.entity.js';
import { GroupKey } from './keys/group-key.entity.js';
import { MeetingCancellation } from './meetings/meeting-cancellation.entity.js';
import { Meeting } from './meetings/meeting.entity.js';
import { Membership } from './memberships/membership.entity.js';

export const groupsEntities = [
  Group,
  Membership,
  GroupAgreement,
  AgreementAcceptance,
  Invite,
  JoinRequest,
  Meeting,
  MeetingCancellation,
  CalendarFeed,
  GroupKey,
];

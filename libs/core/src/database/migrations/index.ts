import { CreateIdentity1796036400000 } from './1796036400000-CreateIdentity.js';
import { CreateGroups1796040000000 } from './1796040000000-CreateGroups.js';
import { CreateChat1796043600000 } from './1796043600000-CreateChat.js';
import { CreateModeration1796047200000 } from './1796047200000-CreateModeration.js';
import { CreateJournal1796050800000 } from './1796050800000-CreateJournal.js';
import { CreateAccessLog1796054400000 } from './1796054400000-CreateAccessLog.js';
import { SealConversations1796058000000 } from './1796058000000-SealConversations.js';
import { AddSecondFactors1796065200000 } from './1796065200000-AddSecondFactors.js';
import { CreateSafetyPlans1796068800000 } from './1796068800000-CreateSafetyPlans.js';
import { AddCrisisTiers1796072400000 } from './1796072400000-AddCrisisTiers.js';
import { AddAccountRecovery1796076000000 } from './1796076000000-AddAccountRecovery.js';
import { CreateNotifications1796079600000 } from './1796079600000-CreateNotifications.js';
import { CreateQuestionnaires1796083200000 } from './1796083200000-CreateQuestionnaires.js';
import { AddCheckIns1796086800000 } from './1796086800000-AddCheckIns.js';
import { AddCrisisPageAbout1796090400000 } from './1796090400000-AddCrisisPageAbout.js';
import { AddMessageRemovalReason1796094000000 } from './1796094000000-AddMessageRemovalReason.js';
import { EndSharesOfEndedMemberships1796097600000 } from './1796097600000-EndSharesOfEndedMemberships.js';

/** Every migration, in order. Registered as classes because a bundled build cannot find files by glob. */
export const migrations = [
  CreateIdentity1796036400000,
  CreateGroups1796040000000,
  CreateChat1796043600000,
  CreateModeration1796047200000,
  CreateJournal1796050800000,
  CreateAccessLog1796054400000,
  SealConversations1796058000000,
  AddSecondFactors1796065200000,
  CreateSafetyPlans1796068800000,
  AddCrisisTiers1796072400000,
  AddAccountRecovery1796076000000,
  CreateNotifications1796079600000,
  CreateQuestionnaires1796083200000,
  AddCheckIns1796086800000,
  AddCrisisPageAbout1796090400000,
  AddMessageRemovalReason1796094000000,
  EndSharesOfEndedMemberships1796097600000,
];

import { EntryToken } from './entries/entry-token.entity.js';
import { JournalEntry } from './entries/journal-entry.entity.js';
import { JournalKey } from './keys/journal-key.entity.js';
import { MoodCheckin } from './mood/mood-checkin.entity.js';
import { GroupPrompt } from './prompts/group-prompt.entity.js';
import { SafetyPlan } from './safety-plan/safety-plan.entity.js';
import { JournalShare } from './shares/journal-share.entity.js';
import { TherapySession } from './therapy-sessions/therapy-session.entity.js';

export const journalEntities = [
  JournalKey,
  JournalEntry,
  EntryToken,
  TherapySession,
  MoodCheckin,
  GroupPrompt,
  JournalShare,
  SafetyPlan,
];

import { BlockedTermsStep } from './blocked-terms.step.js';
import { CrisisStep } from './crisis.step.js';
import { FloodStep } from './flood.step.js';
import { MuteStep } from './mute.step.js';
import { NewMemberLinkStep, PremoderationStep } from './new-member.steps.js';
import { RoomModeStep } from './room-mode.step.js';

/**
 * The one place the moderation steps are listed, in the order they run on every message. Crisis detection
 * comes first, so that whatever follows knows the message is urgent (it is then never held or word-filtered).
 */
export const PIPELINE_STEPS = [
  CrisisStep,
  MuteStep,
  RoomModeStep,
  FloodStep,
  BlockedTermsStep,
  NewMemberLinkStep,
  PremoderationStep,
] as const;

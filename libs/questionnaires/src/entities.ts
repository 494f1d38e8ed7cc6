import { QuestionnaireAssignment } from './cadence/questionnaire-assignment.entity.js';
import { QuestionnaireSchedule } from './cadence/questionnaire-schedule.entity.js';
import { InstalledWording } from './instruments/installed-wording.entity.js';
import { QuestionnaireResponse } from './responses/questionnaire-response.entity.js';
import { ScoreShare } from './sharing/score-share.entity.js';

/** Every entity of the questionnaires library, registered as classes (a bundled build cannot glob). */
export const questionnairesEntities = [
  InstalledWording,
  QuestionnaireResponse,
  QuestionnaireSchedule,
  QuestionnaireAssignment,
  ScoreShare,
];

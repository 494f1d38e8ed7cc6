import { ApiProperty } from '@nestjs/swagger';

import type {
  CrisisResourceSetDto,
  QuestionnaireCadenceDto,
  QuestionnaireDto,
  QuestionnaireHistoryDto,
  QuestionnaireId,
  QuestionnaireResponseDto,
  QuestionnaireSafetyDto,
  QuestionnaireSummaryDto,
  ScoreShareDto,
  SeverityBandDto,
  SharedScoresDto,
} from '@hearth/contracts';

import { INSTRUMENT_IDS, LANGUAGES } from '../instruments/instrument.js';

/** The OpenAPI shapes of the questionnaires' answers (the types themselves are in @hearth/contracts). */
export class SeverityBandView implements SeverityBandDto {
  @ApiProperty({ example: 'moderate' })
  id!: string;

  @ApiProperty()
  min!: number;

  @ApiProperty()
  max!: number;

  @ApiProperty({ example: 'Moderate' })
  label!: string;

  @ApiProperty({ description: 'Never a diagnosis: what a score here suggests, and whom to talk to' })
  suggests!: string;
}

export class QuestionnaireSummaryView implements QuestionnaireSummaryDto {
  @ApiProperty({ enum: INSTRUMENT_IDS })
  id!: QuestionnaireId;

  @ApiProperty({ example: 'PHQ-9' })
  name!: string;

  @ApiProperty({ description: 'Offered now (the EPDS once an admin installed its wording)' })
  available!: boolean;

  @ApiProperty({ enum: LANGUAGES, isArray: true })
  languages!: ('en' | 'es')[];

  @ApiProperty()
  maxScore!: number;

  @ApiProperty()
  lookbackDays!: number;

  @ApiProperty()
  attribution!: string;
}

export class QuestionnaireItemView {
  @ApiProperty()
  text!: string;

  @ApiProperty({ type: [String], description: 'In printed order; answer with the position (0 first)' })
  options!: string[];
}

export class QuestionnaireView extends QuestionnaireSummaryView implements QuestionnaireDto {
  @ApiProperty({ enum: LANGUAGES })
  language!: 'en' | 'es';

  @ApiProperty()
  title!: string;

  @ApiProperty()
  instructions!: string;

  @ApiProperty({ type: [QuestionnaireItemView] })
  items!: QuestionnaireItemView[];

  @ApiProperty({ type: [SeverityBandView] })
  bands!: SeverityBandView[];

  @ApiProperty({
    type: 'object',
    nullable: true,
    description:
      'The self-harm item (index) and the answer positions scoring above zero on it; null where there is none',
    properties: { item: { type: 'integer' }, positions: { type: 'array', items: { type: 'integer' } } },
  })
  selfHarm!: { item: number; positions: number[] } | null;
}

export class TellableGroupView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  name!: string;
}

export class QuestionnaireSafetyView implements QuestionnaireSafetyDto {
  @ApiProperty({ enum: ['urgent', 'concern'] })
  tier!: 'urgent' | 'concern';

  @ApiProperty({
    type: 'object',
    description: 'The crisis lines to show at once: `{ country, resources }`',
    additionalProperties: true,
  })
  resources!: CrisisResourceSetDto;

  @ApiProperty({ description: 'An incident was opened for a group’s facilitators' })
  facilitatorsTold!: boolean;

  @ApiProperty({ type: [TellableGroupView], description: 'Groups whose facilitators she may choose to tell' })
  canTell!: TellableGroupView[];
}

export class QuestionnaireResponseView implements QuestionnaireResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: INSTRUMENT_IDS })
  instrument!: QuestionnaireId;

  @ApiProperty({ enum: LANGUAGES })
  language!: 'en' | 'es';

  @ApiProperty()
  completedAt!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The group that asked for it' })
  groupId!: string | null;

  @ApiProperty({ type: [Number] })
  answers!: number[];

  @ApiProperty()
  score!: number;

  @ApiProperty()
  maxScore!: number;

  @ApiProperty({ type: SeverityBandView })
  band!: SeverityBandView;

  @ApiProperty({ type: QuestionnaireSafetyView, nullable: true })
  safety!: QuestionnaireSafetyView | null;
}

export class ScorePointView {
  @ApiProperty({ format: 'uuid' })
  responseId!: string;

  @ApiProperty()
  completedAt!: string;

  @ApiProperty()
  score!: number;

  @ApiProperty({ example: 'mild' })
  band!: string;
}

export class QuestionnaireHistoryView implements QuestionnaireHistoryDto {
  @ApiProperty({ enum: INSTRUMENT_IDS })
  instrument!: QuestionnaireId;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  maxScore!: number;

  @ApiProperty({ type: [SeverityBandView] })
  bands!: SeverityBandView[];

  @ApiProperty({ type: [ScorePointView] })
  points!: ScorePointView[];

  @ApiProperty()
  first!: number;

  @ApiProperty()
  latest!: number;

  @ApiProperty()
  change!: number;

  @ApiProperty({ description: 'A drop of half or more from the first score' })
  response!: boolean;

  @ApiProperty({ description: 'Under the threshold (PHQ-9 and GAD-7 under 5, EPDS under 10)' })
  remission!: boolean;
}

export class QuestionnaireCadenceView implements QuestionnaireCadenceDto {
  @ApiProperty({ description: 'The assignment’s id, or the instrument for my own schedule' })
  id!: string;

  @ApiProperty({ enum: INSTRUMENT_IDS })
  instrument!: QuestionnaireId;

  @ApiProperty()
  everyDays!: number;

  @ApiProperty()
  startsAt!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Since when it is due; null when done for now' })
  dueSince!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  groupId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  groupName!: string | null;
}

export class ScoreShareView implements ScoreShareDto {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty()
  groupName!: string;

  @ApiProperty()
  since!: string;
}

export class SharedLatestView {
  @ApiProperty()
  score!: number;

  @ApiProperty()
  maxScore!: number;

  @ApiProperty({ example: 'Mild' })
  band!: string;

  @ApiProperty()
  completedAt!: string;
}

export class SharedSafetyView {
  @ApiProperty({ enum: ['urgent', 'concern'] })
  tier!: 'urgent' | 'concern';

  @ApiProperty()
  completedAt!: string;
}

export class SharedInstrumentView {
  @ApiProperty({ enum: INSTRUMENT_IDS })
  instrument!: QuestionnaireId;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: SharedLatestView })
  latest!: SharedLatestView;

  @ApiProperty({ nullable: true, type: Number })
  previous!: number | null;

  @ApiProperty({ enum: ['better', 'worse', 'steady'], nullable: true })
  trend!: 'better' | 'worse' | 'steady' | null;

  @ApiProperty({
    type: SharedSafetyView,
    nullable: true,
    description: 'Her latest self-harm answer was above 0',
  })
  safety!: SharedSafetyView | null;
}

export class SharedScoresView implements SharedScoresDto {
  @ApiProperty({ format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;

  @ApiProperty()
  since!: string;

  @ApiProperty({ type: [SharedInstrumentView] })
  instruments!: SharedInstrumentView[];
}

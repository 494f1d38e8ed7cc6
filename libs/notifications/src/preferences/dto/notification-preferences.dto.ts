import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { DIGEST_HOURS, REMINDER_LEADS } from '../preferences.js';

export class ChannelChoiceBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  push?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  email?: boolean;
}

export class ChannelsBody {
  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'Crisis alerts (facilitators and admins)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  crisis?: ChannelChoiceBody;

  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'Mentions of me and replies to my messages' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  mentions?: ChannelChoiceBody;

  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'New messages in my groups' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  messages?: ChannelChoiceBody;

  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'Meeting reminders' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  meetings?: ChannelChoiceBody;

  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'Join requests and reports (facilitators)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  requests?: ChannelChoiceBody;

  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'Moderation notices about me' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  moderation?: ChannelChoiceBody;

  @ApiPropertyOptional({
    type: ChannelChoiceBody,
    description: 'My groups: a join request decided, a new agreement to accept',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  membership?: ChannelChoiceBody;

  @ApiPropertyOptional({ type: ChannelChoiceBody, description: 'Questionnaires due (mine, or my groups’)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelChoiceBody)
  questionnaires?: ChannelChoiceBody;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursBody {
  @ApiPropertyOptional({ example: '22:00' })
  @Matches(CLOCK, { message: 'start must be a time of day as HH:MM', context: { code: 'timeOfDay' } })
  start!: string;

  @ApiPropertyOptional({ example: '07:00' })
  @Matches(CLOCK, { message: 'end must be a time of day as HH:MM', context: { code: 'timeOfDay' } })
  end!: string;
}

/** Changes to my notification preferences; what is left out stays as it was. */
export class NotificationPreferencesBody {
  @ApiPropertyOptional({ type: ChannelsBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelsBody)
  channels?: ChannelsBody;

  @ApiPropertyOptional({ type: QuietHoursBody, nullable: true, description: 'null: no quiet hours' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @ValidateNested()
  @Type(() => QuietHoursBody)
  quietHours?: QuietHoursBody | null;

  @ApiPropertyOptional({ example: 'America/Chicago', description: 'IANA time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ description: 'Name the group on a lock screen' })
  @IsOptional()
  @IsBoolean()
  showGroupNames?: boolean;

  @ApiPropertyOptional({
    enum: REMINDER_LEADS,
    isArray: true,
    example: [1_440, 60],
    description: 'Minutes before each meeting to remind me; [] for none',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REMINDER_LEADS.length)
  @IsIn(REMINDER_LEADS, {
    each: true,
    message: `meetingReminders must hold minutes from ${REMINDER_LEADS.join(', ')}`,
  })
  meetingReminders?: number[];

  @ApiPropertyOptional({
    enum: DIGEST_HOURS,
    nullable: true,
    description: 'null: tell me of new messages as they come; else one digest at most every so many hours',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsIn(DIGEST_HOURS, { message: `messageDigestHours must be null or one of ${DIGEST_HOURS.join(', ')}` })
  messageDigestHours?: number | null;

  @ApiPropertyOptional({ enum: ['en', 'es'], description: 'The language of notices and emails' })
  @IsOptional()
  @IsIn(['en', 'es'], { message: 'language must be en or es' })
  language?: 'en' | 'es';
}

import { ApiProperty } from '@nestjs/swagger';

import type { NotificationCategory, NotificationPreferencesDto } from '@hearth/contracts';

import { CATEGORIES } from '../preferences.js';

export class NotificationPreferencesView implements NotificationPreferencesDto {
  @ApiProperty({
    type: 'object',
    description:
      'Per category (crisis, mentions, messages, meetings, requests, moderation, membership): push and email',
    additionalProperties: {
      type: 'object',
      properties: { push: { type: 'boolean' }, email: { type: 'boolean' } },
    },
  })
  channels!: NotificationPreferencesDto['channels'];

  @ApiProperty({
    nullable: true,
    type: 'object',
    properties: { start: { type: 'string', example: '22:00' }, end: { type: 'string', example: '07:00' } },
  })
  quietHours!: { start: string; end: string } | null;

  @ApiProperty({ example: 'America/Chicago' })
  timeZone!: string;

  @ApiProperty()
  showGroupNames!: boolean;

  @ApiProperty({ type: [Number], example: [1_440, 60], description: 'Minutes before each meeting' })
  meetingReminders!: number[];

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'null: as they come; else hours between digests',
  })
  messageDigestHours!: number | null;

  @ApiProperty({ enum: ['en', 'es'], description: 'The language of notices and emails' })
  language!: 'en' | 'es';

  @ApiProperty({ enum: CATEGORIES, isArray: true, description: 'Categories I cannot switch off now' })
  locked!: NotificationCategory[];
}

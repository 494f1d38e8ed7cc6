import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { MessageView } from '@hearth/chat';
import type { QueueItemDto } from '@hearth/contracts';

import { nullableText, uuid } from '../../common/dto/view-properties.js';

export class QueueIncidentSummary {
  @ApiProperty({ enum: ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others'] })
  category!: string;

  @ApiProperty({ enum: ['urgent', 'concern'] })
  tier!: 'urgent' | 'concern';

  @ApiProperty({ enum: ['open', 'acknowledged', 'resolved'] })
  status!: string;

  @ApiProperty({ description: 'Sent on to the admins because nobody acknowledged it in time' })
  escalated!: boolean;

  @ApiProperty({ enum: ['detector', 'report', 'questionnaire', 'facilitator'] })
  source!: string;
}

export class QueueItemView implements QueueItemDto {
  @ApiProperty({ enum: ['report', 'held', 'incident'] })
  kind!: QueueItemDto['kind'];

  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(uuid)
  groupId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty(nullableText)
  reason!: string | null;

  @ApiProperty(nullableText)
  note!: string | null;

  @ApiProperty({ type: MessageView, nullable: true, description: 'As facilitators see it: text included' })
  message!: QueueItemDto['message'];

  @ApiPropertyOptional({ type: QueueIncidentSummary })
  incident?: QueueIncidentSummary;
}

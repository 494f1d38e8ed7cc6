import { ApiProperty } from '@nestjs/swagger';

import type { AuditEventDto } from '@hearth/contracts';

import { nullableText, nullableUuid, uuid } from '../../common/dto/view-properties.js';

/** What facilitators did about me: never who reported me. */
export class MyModerationEventView {
  @ApiProperty({ example: 'member.muted' })
  action!: string;

  @ApiProperty(nullableUuid)
  groupId!: string | null;

  @ApiProperty(nullableText)
  reason!: string | null;

  @ApiProperty({ type: Object, nullable: true, additionalProperties: true })
  details!: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** An entry of a group's audit log (facilitators and admins). */
export class AuditEventView extends MyModerationEventView implements AuditEventDto {
  @ApiProperty(uuid)
  id!: string;

  @ApiProperty(nullableUuid)
  actorUserId!: string | null;

  @ApiProperty(nullableUuid)
  targetUserId!: string | null;

  @ApiProperty(nullableUuid)
  targetMessageId!: string | null;

  @ApiProperty({
    ...nullableText,
    description: 'Who acted, by pseudonym in the group; null for Hearth itself',
  })
  actorPseudonym!: string | null;

  @ApiProperty({ ...nullableText, description: 'Whom it was about, by pseudonym in the group' })
  targetPseudonym!: string | null;
}

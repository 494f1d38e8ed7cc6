import { ApiProperty } from '@nestjs/swagger';

import type { PushSubscriptionDto } from '@hearth/contracts';

import type { PushSubscription } from '../push-subscription.entity.js';

export class PushSubscriptionView implements PushSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Chrome on Android' })
  label!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastSuccessAt!: string | null;

  static of(row: PushSubscription): PushSubscriptionView {
    return {
      id: row.id,
      label: row.label,
      createdAt: row.createdAt.toISOString(),
      lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    };
  }
}

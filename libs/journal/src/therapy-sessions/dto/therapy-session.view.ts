import { ApiProperty } from '@nestjs/swagger';

import type { TherapySessionDto } from '@hearth/contracts';

export class SessionView implements TherapySessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  date!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty({ nullable: true, type: String })
  intention!: string | null;

  @ApiProperty({ nullable: true, type: String })
  notes!: string | null;

  @ApiProperty()
  createdAt!: string;
}

import { ApiProperty } from '@nestjs/swagger';

import type { JournalShareDto, SharedReflectionDto } from '@hearth/contracts';

export class ShareView implements JournalShareDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null once the entry is deleted',
  })
  entryId!: string | null;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ enum: ['group', 'facilitators'] })
  target!: JournalShareDto['target'];

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The message, when shared with the group',
  })
  messageId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty()
  withdrawn!: boolean;
}

/** A reflection shared with a group's facilitators only, as they read it. */
export class SharedReflectionView implements SharedReflectionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;

  @ApiProperty()
  excerpt!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

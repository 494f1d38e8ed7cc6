import { ApiProperty } from '@nestjs/swagger';

import type { JournalEntryDto } from '@hearth/contracts';

export class EntryView implements JournalEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ nullable: true, type: String })
  title!: string | null;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ nullable: true, type: Number })
  mood!: number | null;

  @ApiProperty({ nullable: true, type: String })
  sessionId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  meetingId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  promptId!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  updatedAt!: string;
}

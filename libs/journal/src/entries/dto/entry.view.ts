import { ApiProperty } from '@nestjs/swagger';

import type { JournalEntryDto, JournalSupportDto, SavedJournalEntryDto } from '@hearth/contracts';

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

export class JournalSupportView implements JournalSupportDto {
  @ApiProperty({ enum: ['urgent', 'concern'] })
  tier!: 'urgent' | 'concern';

  @ApiProperty({ enum: ['en', 'es'], description: 'The language to offer resources in' })
  language!: 'en' | 'es';

  @ApiProperty({ description: 'Intrusive thoughts of harm the writer finds frightening' })
  intrusive!: boolean;
}

export class SavedEntryView extends EntryView implements SavedJournalEntryDto {
  @ApiProperty({
    type: JournalSupportView,
    nullable: true,
    description:
      'Set when the entry reads as crisis, so that the page can offer help. Nothing about it is stored, logged or told to anyone.',
  })
  support!: JournalSupportView | null;
}

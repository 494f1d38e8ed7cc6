import { ApiProperty } from '@nestjs/swagger';

import type { DuePromptDto, PromptDto } from '@hearth/contracts';

export class PromptView implements PromptDto {
  @ApiProperty({
    example: 'lib:after-1',
    description: '`lib:` a library prompt, `group:` one a facilitator wrote',
  })
  id!: string;

  @ApiProperty({ example: 'integration' })
  category!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Suggested this many days after a session' })
  daysAfterSession!: number | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The group that wrote it' })
  groupId!: string | null;
}

export class TodayPromptView extends PromptView {
  @ApiProperty({ format: 'date', description: 'The day (in the given timezone) this prompt is for' })
  date!: string;
}

export class DuePromptView extends PromptView implements DuePromptDto {
  @ApiProperty({ format: 'uuid', description: 'The session it follows' })
  sessionId!: string;

  @ApiProperty({ format: 'date' })
  dueOn!: string;
}

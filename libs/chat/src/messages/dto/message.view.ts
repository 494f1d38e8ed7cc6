import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { REACTION_EMOJI } from '@hearth/contracts';

export class AuthorView {
  @ApiProperty({ format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;

  @ApiProperty({ enum: ['facilitator', 'member'] })
  role!: 'facilitator' | 'member';
}

export class ReactionView {
  @ApiProperty({ enum: REACTION_EMOJI })
  emoji!: string;

  @ApiProperty()
  count!: number;

  @ApiProperty({ type: [String] })
  membershipIds!: string[];
}

export class MessageView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Per-group order, strictly increasing, gap-free; null while held',
  })
  seq!: number | null;

  @ApiProperty({ enum: ['visible', 'held', 'removed'] })
  status!: 'visible' | 'held' | 'removed';

  @ApiProperty({ nullable: true, type: String })
  clientId!: string | null;

  @ApiProperty({ enum: ['text', 'reflection', 'system'] })
  kind!: string;

  @ApiProperty({ type: AuthorView, nullable: true })
  author!: AuthorView | null;

  @ApiProperty({ nullable: true, type: String, description: 'Null once deleted' })
  body!: string | null;

  @ApiProperty({ nullable: true, type: String })
  replyToId!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  editedAt!: string | null;

  @ApiProperty()
  deleted!: boolean;

  @ApiProperty({ type: [ReactionView] })
  reactions!: ReactionView[];

  @ApiPropertyOptional({
    description: "Why a facilitator removed it, when they said; only in its author's own copy",
  })
  removalReason?: string;
}

export class MessageEditView {
  @ApiProperty()
  body!: string;

  @ApiProperty()
  replacedAt!: string;
}

export class MessageWithHistoryView extends MessageView {
  @ApiPropertyOptional({
    type: [MessageEditView],
    description: 'Previous versions: for the author and facilitators',
  })
  history?: MessageEditView[];
}

import { ApiProperty } from '@nestjs/swagger';

import type { CreatedInviteDto, InviteDto, InvitePreviewDto } from '@hearth/contracts';

export class InviteView implements InviteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The first characters of the code' })
  codeHint!: string;

  @ApiProperty({ nullable: true, type: String })
  label!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  expiresAt!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  maxUses!: number | null;

  @ApiProperty()
  uses!: number;

  @ApiProperty()
  revoked!: boolean;

  @ApiProperty({ description: 'Whether it can still be redeemed' })
  usable!: boolean;
}

export class CreatedInviteView extends InviteView implements CreatedInviteDto {
  @ApiProperty({ description: 'The code: shown only now. Share the link, not the group id.' })
  code!: string;

  @ApiProperty({ example: '/invite/Zx3…', description: 'Path of the invitation link in the web client' })
  path!: string;
}

export class InvitePreviewView implements InvitePreviewDto {
  @ApiProperty()
  groupName!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: "The agreement's opening paragraph (Markdown)" })
  agreementIntro!: string;

  @ApiProperty({ type: [String], description: "The agreement's section headings" })
  agreementTopics!: string[];
}

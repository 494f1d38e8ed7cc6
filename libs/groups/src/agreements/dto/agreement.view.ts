import { ApiProperty } from '@nestjs/swagger';

import type { AgreementDto } from '@hearth/contracts';

export class AgreementView implements AgreementDto {
  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'Markdown' })
  text!: string;

  @ApiProperty()
  publishedAt!: string;
}

export class AcceptanceView {
  @ApiProperty({ format: 'uuid' })
  membershipId!: string;

  @ApiProperty({ nullable: true, type: String })
  pseudonym!: string | null;

  @ApiProperty()
  version!: number;

  @ApiProperty()
  acceptedAt!: string;
}

export class AcceptedView {
  @ApiProperty({ description: 'True when accepting made my membership active' })
  activated!: boolean;
}

import { Trim } from '@hearth/core';
import { ApiProperty } from '@nestjs/swagger';

import type { AgreementDto } from '@hearth/contracts';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';

export class AgreementView implements AgreementDto {
  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'Markdown' })
  text!: string;

  @ApiProperty()
  publishedAt!: string;
}

export class PublishAgreementDto {
  @ApiProperty({ description: 'Markdown, up to 20,000 characters', minLength: 1, maxLength: 20000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text!: string;
}

export class AcceptAgreementDto {
  @ApiProperty({ description: 'The version being accepted: it must be the current one' })
  @IsInt()
  @Min(1)
  version!: number;
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

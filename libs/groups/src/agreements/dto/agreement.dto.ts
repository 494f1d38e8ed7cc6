import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';

import { Trim } from '@hearth/core';

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { CrisisResourceDto, CrisisResourceSetDto } from '@hearth/contracts';

export class CrisisResourceView implements CrisisResourceDto {
  @ApiProperty({ example: '988 Suicide & Crisis Lifeline' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiPropertyOptional({ example: '988' })
  phone?: string;

  @ApiPropertyOptional({ description: 'A number to text' })
  text?: string;

  @ApiPropertyOptional({ format: 'uri' })
  url?: string;
}

export class CrisisResourceSetView implements CrisisResourceSetDto {
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @ApiProperty({ type: [CrisisResourceView] })
  resources!: CrisisResourceView[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ErrorBodyDto } from '@hearth/contracts';

export class FieldError {
  @ApiProperty({ example: 'password', description: 'Dotted path of the offending field' })
  field!: string;

  @ApiProperty({ example: 'password must be longer than or equal to 12 characters' })
  message!: string;

  @ApiPropertyOptional({
    example: 'minLength',
    description: 'The rule the field broke, for translated messages',
  })
  code?: string;
}

/** The one shape of every HTTP error Hearth returns. */
export class ErrorBody implements ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase' })
  error!: string;

  @ApiProperty({ example: 'Validation failed' })
  message!: string;

  @ApiPropertyOptional({
    example: 'INVALID_CREDENTIALS',
    description: 'Names the error, for translated messages',
  })
  code?: string;

  @ApiPropertyOptional({ type: [FieldError] })
  details?: FieldError[];
}

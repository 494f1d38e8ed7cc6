import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

import { Trim } from '@hearth/core';

export class StartTotpDto {
  @ApiPropertyOptional({ description: 'A name for this authenticator', example: 'My phone' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 80)
  label?: string;
}

export class ConfirmTotpDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  factorId!: string;

  @ApiProperty({ example: '123456' })
  @Trim()
  @Matches(/^\d{6}$/, {
    message: 'code must be the 6 digits your authenticator app shows',
    context: { code: 'sixDigits' },
  })
  code!: string;
}

export class RegisterPasskeyDto {
  @ApiProperty({ description: 'The ticket the options came with' })
  @IsString()
  @Length(16, 4096)
  ticket!: string;

  @ApiPropertyOptional({ example: 'Laptop' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 80)
  label?: string;

  @ApiProperty({ description: "The browser's answer to the options (a RegistrationResponseJSON)" })
  @IsObject()
  response!: Record<string, unknown>;
}

/** Changes that weaken an account ask for the password again. */
export class ConfirmPasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class FactorIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

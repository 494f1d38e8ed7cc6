import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { Trim } from '@hearth/core';

/** The second step of a sign-in: the ticket from the first, and exactly one proof. */
export class SecondFactorDto {
  @ApiProperty({ description: 'The ticket the password step returned' })
  @IsString()
  @Length(16, 4096)
  ticket!: string;

  @ApiPropertyOptional({ description: 'A 6-digit code from the authenticator app', example: '123456' })
  @IsOptional()
  @Trim()
  @Matches(/^\d{6}$/, {
    message: 'code must be the 6 digits your authenticator app shows',
    context: { code: 'sixDigits' },
  })
  code?: string;

  @ApiPropertyOptional({
    description: 'One of the recovery codes saved when two-step verification was set up',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32)
  recoveryCode?: string;

  @ApiPropertyOptional({
    description: "The browser's answer to the passkey options (an AuthenticationResponseJSON)",
  })
  @IsOptional()
  @IsObject()
  passkey?: Record<string, unknown>;
}

export class TicketDto {
  @ApiProperty()
  @IsString()
  @Length(16, 4096)
  ticket!: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

import { EmailField, PasswordField } from '../../users/dto/fields.js';

/** The token from a one-time link (`?token=…`): base64url. */
export const LinkTokenField = () =>
  applyDecorators(
    ApiProperty({ description: 'The token from the link (`?token=…`)', maxLength: 128 }),
    IsString(),
    MaxLength(128),
    Matches(/^[A-Za-z0-9_-]+$/, { message: '$property must be the token from the link' }),
  );

export class RequestPasswordResetDto {
  @EmailField()
  email!: string;
}

export class CompletePasswordResetDto {
  @LinkTokenField()
  token!: string;

  @PasswordField()
  password!: string;
}

import { Omittable, Trim } from '@hearth/core';

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** An email address, trimmed and lower-cased. */
export const EmailField = () =>
  applyDecorators(
    ApiProperty({ example: 'robin@example.org', maxLength: 320 }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    MaxLength(320),
    IsEmail({ allow_display_name: false, require_tld: false }),
  );

/** A display name: 1–80 characters, trimmed, no control characters. */
export const DisplayNameField = ({ optional = false } = {}) =>
  applyDecorators(
    ...(optional
      ? [ApiPropertyOptional({ example: 'Robin', minLength: 1, maxLength: 80 }), Omittable()]
      : [ApiProperty({ example: 'Robin', minLength: 1, maxLength: 80 })]),
    Trim(),
    IsString(),
    MinLength(1),
    MaxLength(80),
    Matches(/^[^\p{Cc}\p{Cf}]*$/u, {
      message: 'displayName must not contain control characters',
      context: { code: 'controlCharacters' },
    }),
  );

/** A password as typed; its policy (length, common passwords) is checked by the PasswordService. */
export const PasswordField = (name = 'password') =>
  applyDecorators(
    ApiProperty({
      description: `${name}: at least 12 characters, not a common password`,
      minLength: 12,
      maxLength: 256,
    }),
    IsString(),
    MaxLength(1024),
  );

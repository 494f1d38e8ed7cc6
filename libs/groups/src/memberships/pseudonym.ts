import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

import { Omittable } from '@hearth/core';

/** Letters and digits of any script, single spaces, dots, hyphens, underscores and apostrophes; 2–32 long. */
const PSEUDONYM = /^(?=.{2,32}$)[\p{L}\p{N}](?:[\p{L}\p{N}._'-]| (?! ))*$/u;

/** The key two pseudonyms collide on: case-, accent- and width-insensitive. */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s._'-]+/g, '');
}

/** A pseudonym field: trimmed, NFC-normalized, 2–32 characters. */
export const PseudonymField = ({ optional = false } = {}) =>
  applyDecorators(
    ...(optional
      ? [ApiPropertyOptional({ example: 'River', minLength: 2, maxLength: 32 }), Omittable()]
      : [
          ApiProperty({
            example: 'River',
            minLength: 2,
            maxLength: 32,
            description: 'The name peers see in this group',
          }),
        ]),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().normalize('NFC') : value)),
    IsString(),
    Matches(PSEUDONYM, {
      message: 'pseudonym must be 2–32 letters, digits, spaces, dots, hyphens, underscores or apostrophes',
    }),
  );

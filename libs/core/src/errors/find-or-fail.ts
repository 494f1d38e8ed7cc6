import { coded } from './coded.js';
import { NotFoundException } from '@nestjs/common';

/** Returns the value, or answers 404 with a short message naming what was missing. */
export function foundOrFail<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new NotFoundException(coded('NOT_FOUND', `${what} not found`));
  }
  return value;
}

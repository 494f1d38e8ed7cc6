import { registerDecorator, type ValidationOptions } from 'class-validator';

import { isValidTimezone } from '../occurrences.js';

/** An IANA time zone name that this server knows, such as Europe/Berlin or America/New_York. */
export function IsTimezone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimezone',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Europe/Berlin`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= 64 && isValidTimezone(value),
      },
    });
}

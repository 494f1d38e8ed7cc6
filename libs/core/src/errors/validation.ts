import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

import type { FieldError } from './error-body.js';

export class ValidationFailedException extends BadRequestException {
  constructor(readonly details: FieldError[]) {
    super('Validation failed');
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const name = error.property ?? '';
    const field = parent ? `${parent}.${name}` : name;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * A ValidationPipe that turns a validator's own failure on a strange value into a validation error, so that no
 * input, however odd, can produce a 500 (class-validator's decimal-places check once threw on 5e-324).
 */
class SafeValidationPipe extends ValidationPipe {
  protected override async validate(
    ...args: Parameters<ValidationPipe['validate']>
  ): Promise<ValidationError[]> {
    try {
      return await super.validate(...args);
    } catch {
      throw new ValidationFailedException([
        { field: '', message: 'The request contains a value that cannot be validated' },
      ]);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

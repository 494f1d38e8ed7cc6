import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

import type { FieldError } from './error-body.js';
import { nestedDeeperThan, PAYLOAD_TOO_DEEP } from './payload-depth.js';
import { acceptedQuickly } from './validation-fast-path.js';
import { rememberValidationRules } from './validation-metadata.js';

export class ValidationFailedException extends BadRequestException {
  constructor(readonly details: FieldError[]) {
    super('Validation failed');
  }
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const name = error.property ?? '';
    const field = parent ? `${parent}.${name}` : name;
    // A constraint may name its own rule (`@Matches(PHONE, { context: { code: 'phone' } })`): one `matches` is
    // not another, and the client says each in the person's language.
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
      const named = (error.contexts?.[constraint] as { code?: unknown } | undefined)?.code;
      return { field, message, code: typeof named === 'string' ? named : constraint };
    });
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function tooDeep(): ValidationFailedException {
  return new ValidationFailedException([{ field: '', message: PAYLOAD_TOO_DEEP }]);
}

/**
 * Express middleware, right after the body parsers: a body nested too deeply is refused (400) before any route
 * sees it. (Parsing it was safe: V8's JSON.parse does not recurse; what follows it, validation, does.)
 */
export function refuseDeepBodies(
  request: { body?: unknown },
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  next(nestedDeeperThan(request.body) ? tooDeep() : undefined);
}

/**
 * A ValidationPipe that turns a validator's own failure on a strange value into a validation error, so that no
 * input, however odd, can produce a 500 (class-validator's decimal-places check once threw on 5e-324). A value
 * nested too deeply is refused before class-transformer walks it: socket payloads reach this pipe straight from
 * socket.io's parser.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(...args: Parameters<ValidationPipe['transform']>): Promise<unknown> {
    const [value, metadata] = args;
    if (nestedDeeperThan(value)) throw tooDeep();
    // A flat payload that certainly passes is built at once; everything else, and every error, goes the usual way.
    if (metadata.metatype && metadata.type !== 'custom' && this.toValidate(metadata)) {
      const accepted = acceptedQuickly(metadata.metatype as new () => object, value);
      if (accepted) return accepted;
    }
    return super.transform(...args);
  }

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

/** The options every validation pipe of Hearth's has (also the reference in the fast path's spec). */
export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors: ValidationError[]) =>
    new ValidationFailedException(flattenValidationErrors(errors)),
};

export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new SafeValidationPipe(VALIDATION_OPTIONS);
}

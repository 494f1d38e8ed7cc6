import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { ErrorBody } from '../errors/error-body.js';

const RESPONSES = {
  400: () =>
    ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; `details` lists the fields' }),
  401: () => ApiUnauthorizedResponse({ type: ErrorBody }),
  403: () => ApiForbiddenResponse({ type: ErrorBody }),
  404: () => ApiNotFoundResponse({ type: ErrorBody }),
  409: () => ApiConflictResponse({ type: ErrorBody }),
} as const;

/** Documents the error responses a controller's routes may give, all in the one error shape. */
export const ApiErrors = (...statuses: (keyof typeof RESPONSES)[]) =>
  applyDecorators(...statuses.map((status) => RESPONSES[status]()));

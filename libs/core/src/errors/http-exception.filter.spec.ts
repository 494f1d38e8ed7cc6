import { jest } from '@jest/globals';
import { ForbiddenException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

import { coded } from './coded.js';
import { HttpErrorFilter } from './http-exception.filter.js';
import { RetryLaterException } from './retry-later.exception.js';
import { ValidationFailedException } from './validation.js';

describe('HttpErrorFilter', () => {
  const filter = new HttpErrorFilter();
  let logged: unknown[][];

  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('keeps the status and message of an HTTP exception', () => {
    expect(filter.toBody(new ForbiddenException('Not yours'))).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Not yours',
    });
  });

  it('names a coded error, and every 429, for clients that translate it', () => {
    expect(
      filter.toBody(new ForbiddenException(coded('ACCOUNT_DISABLED', 'This account is disabled'))),
    ).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This account is disabled',
      code: 'ACCOUNT_DISABLED',
    });
    expect(filter.toBody(RetryLaterException.after('Too many tries.', 30_000))).toMatchObject({
      statusCode: 429,
      code: 'RATE_LIMITED',
    });
  });

  it('lists field errors as details', () => {
    const body = filter.toBody(
      new ValidationFailedException([{ field: 'email', message: 'email must be an email' }]),
    );
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      details: [{ field: 'email', message: 'email must be an email' }],
    });
  });

  it('turns an unexpected error into a bare 500 and logs it without query parameters', () => {
    const error = new QueryFailedError(
      'INSERT INTO messages (body) VALUES (?)',
      ['I feel so alone tonight'],
      new Error('disk I/O error'),
    );
    const body = filter.toBody(error);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
    expect(JSON.stringify(body)).not.toContain('disk');
    expect(logged).toHaveLength(1);
    expect(JSON.stringify(logged)).not.toContain('I feel so alone tonight');
  });

  it("names the request's id in an unexpected error's log line, which is how it is found from the response", () => {
    const sent: { status?: number; body?: unknown } = {};
    const response = {
      headersSent: false,
      setHeader: () => undefined,
      status(code: number) {
        sent.status = code;
        return this;
      },
      json(body: unknown) {
        sent.body = body;
      },
    };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ id: 'req-7f3a' }) }),
    } as unknown as Parameters<HttpErrorFilter['catch']>[1];
    filter.catch(new Error('disk I/O error'), host);
    expect(sent.status).toBe(500);
    expect(logged).toHaveLength(1);
    expect(logged[0][0]).toMatchObject({ reqId: 'req-7f3a', err: { message: 'disk I/O error' } });
  });

  it('copes with something thrown that is not an Error', () => {
    expect(filter.toBody('a string').statusCode).toBe(500);
    expect(filter.toBody(undefined).statusCode).toBe(500);
  });
});

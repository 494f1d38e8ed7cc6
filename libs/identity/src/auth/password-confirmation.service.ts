import { Injectable } from '@nestjs/common';

import { RetryLaterException, ValidationFailedException } from '@hearth/core';

import { PasswordService } from '../passwords/password.service.js';
import type { User } from '../users/user.entity.js';
import { accountSubject, LoginThrottleService } from './login-throttle.service.js';

/**
 * Confirms a signed-in person's current password before a change only they should make (a new password,
 * erasure). Wrong passwords back off per account as sign-in does, and the right one waits out a lock too,
 * so that a stolen access token is no password oracle.
 */
@Injectable()
export class PasswordConfirmationService {
  constructor(
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Throws 429 while the account is locked, and a field error on `field` for a wrong password. */
  async confirm(user: Pick<User, 'id' | 'passwordHash'>, password: string, field: string): Promise<void> {
    const subject = accountSubject(user.id);
    const waitMs = await this.throttle.claimAttempt(subject);
    if (waitMs > 0) {
      throw RetryLaterException.after('Too many failed password attempts.', waitMs);
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw new ValidationFailedException([{ field, message: `${field} is incorrect`, code: 'incorrect' }]);
    }
    await this.throttle.clear(subject);
  }
}

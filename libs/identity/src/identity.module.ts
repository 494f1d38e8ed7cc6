import { createSecretKey } from 'node:crypto';

import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SECRETS, type Secrets } from '@hearth/core';

import { AccessGuard } from './access/access.guard.js';
import { AccountToken } from './account-tokens/account-token.entity.js';
import { AccountTokens } from './account-tokens/account-tokens.js';
import { LinkMail } from './account-tokens/link-mail.js';
import {
  EmailVerificationController,
  VerifyEmailController,
} from './email-verification/email-verification.controller.js';
import { EmailVerificationService } from './email-verification/email-verification.service.js';
import { PasswordResetController } from './password-reset/password-reset.controller.js';
import { PasswordResetService } from './password-reset/password-reset.service.js';
import { AccessLog } from './access-log/access-log.js';
import { AccessLogEntry } from './access-log/access-log-entry.entity.js';
import { AdminAccessLogController, MyAccessLogController } from './access-log/access-log.controller.js';
import { AccessLogPersonalData } from './access-log/access-log.personal-data.js';
import { AccessLogService } from './access-log/access-log.service.js';
import { AdminUsersController } from './admin/admin-users.controller.js';
import { AdminUsersService } from './admin/admin-users.service.js';
import { AuthController } from './auth/auth.controller.js';
import { DataRightsController } from './data-rights/data-rights.controller.js';
import { DataRightsService } from './data-rights/data-rights.service.js';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottle } from './auth/login-throttle.entity.js';
import { KnownDevices } from './auth/known-devices.js';
import { LoginThrottleService } from './auth/login-throttle.service.js';
import { PasswordConfirmationService } from './auth/password-confirmation.service.js';
import { AccountService } from './me/account.service.js';
import { InstanceController } from './instance/instance.controller.js';
import { MeController } from './me/me.controller.js';
import { PasswordService } from './passwords/password.service.js';
import { AccessTokens } from './sessions/access-tokens.js';
import { RefreshToken } from './sessions/refresh-token.entity.js';
import { Session } from './sessions/session.entity.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SignInsController } from './sign-ins/sign-ins.controller.js';
import { SignInsPersonalData } from './sign-ins/sign-ins.personal-data.js';
import { SignInsService } from './sign-ins/sign-ins.service.js';
import { InstanceFlag } from './users/instance-flag.entity.js';
import { User } from './users/user.entity.js';
import { UsersService } from './users/users.service.js';
import { RelyingParty } from './two-factor/passkeys.js';
import { RecoveryCode } from './two-factor/recovery-code.entity.js';
import { SecondFactor } from './two-factor/second-factor.entity.js';
import { SecondStepService } from './two-factor/second-step.service.js';
import { SignInTickets } from './two-factor/sign-in-tickets.js';
import { TwoFactorController } from './two-factor/two-factor.controller.js';
import { TwoFactorPersonalData } from './two-factor/two-factor.personal-data.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';

export const identityEntities = [
  User,
  Session,
  RefreshToken,
  LoginThrottle,
  InstanceFlag,
  AccessLogEntry,
  SecondFactor,
  RecoveryCode,
  AccountToken,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(identityEntities),
    JwtModule.registerAsync({
      inject: [SECRETS],
      // A key object made once: given the secret as a string, jsonwebtoken would first try (and fail) to read
      // it as a public key on every verify, which cost about 12 % of a history request (docs/PERFORMANCE.md).
      useFactory: (secrets: Secrets) => ({ secret: createSecretKey(Buffer.from(secrets.jwtSecret)) }),
    }),
  ],
  controllers: [
    AuthController,
    PasswordResetController,
    VerifyEmailController,
    EmailVerificationController,
    InstanceController,
    MeController,
    SignInsController,
    MyAccessLogController,
    AdminUsersController,
    AdminAccessLogController,
    DataRightsController,
    TwoFactorController,
  ],
  providers: [
    AccessGuard,
    AccessLog,
    AccessLogPersonalData,
    AccessLogService,
    AccessTokens,
    AccountService,
    AccountTokens,
    EmailVerificationService,
    LinkMail,
    PasswordResetService,
    AdminUsersService,
    AuthService,
    DataRightsService,
    KnownDevices,
    LoginThrottleService,
    PasswordConfirmationService,
    PasswordService,
    RelyingParty,
    SecondStepService,
    SignInTickets,
    TwoFactorPersonalData,
    TwoFactorService,
    SessionsService,
    SignInsPersonalData,
    SignInsService,
    UsersService,
  ],
  exports: [AccessGuard, AccessLog, AccessTokens, SessionsService, UsersService],
})
export class IdentityModule {}

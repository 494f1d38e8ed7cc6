import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';

import type { Response } from 'express';

import { AuthThrottle, ErrorBody } from '@hearth/core';

import { Authenticated } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { TokenPair } from '../sessions/dto/token-pair.view.js';
import { AuthService } from './auth.service.js';
import { KnownDevices } from './known-devices.js';
import { AuthSessionView } from './dto/auth-session.view.js';
import { LoginDto } from './dto/login.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { SecondFactorDto, TicketDto } from '../two-factor/dto/second-factor.dto.js';
import { PasskeyOptionsView, SecondFactorChallengeView } from '../two-factor/dto/two-factor.view.js';

@ApiTags('auth')
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; `details` lists the fields' })
@ApiTooManyRequestsResponse({
  type: ErrorBody,
  description: 'Too many attempts from this address or for this account',
})
@AuthThrottle()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly knownDevices: KnownDevices,
  ) {}

  @Post('register')
  @ApiCreatedResponse({
    type: AuthSessionView,
    description: 'The first account on an empty instance is the admin',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'An account with this email already exists' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Registration is by invitation only' })
  async register(
    @Body() dto: RegisterDto,
    @Res({ passthrough: true }) response: Response,
    @Headers('user-agent') userAgent?: string,
    @Headers('cookie') cookie?: string,
  ): Promise<AuthSessionView> {
    return this.remember(response, cookie, await this.auth.register(dto, userAgent));
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiExtraModels(AuthSessionView, SecondFactorChallengeView)
  @ApiOkResponse({
    description:
      'A session; or, for an account with two-step verification, `secondFactor` with a ticket for ' +
      '`POST /api/auth/second-factor`',
    schema: {
      oneOf: [{ $ref: getSchemaPath(AuthSessionView) }, { $ref: getSchemaPath(SecondFactorChallengeView) }],
    },
  })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Invalid email or password' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'The account is disabled' })
  async login(
    @Body() dto: LoginDto,
    @Res({ passthrough: true }) response: Response,
    @Headers('user-agent') userAgent?: string,
    @Headers('cookie') cookie?: string,
  ): Promise<AuthSessionView | SecondFactorChallengeView> {
    return this.remember(response, cookie, await this.auth.login(dto, userAgent, cookie));
  }

  @Post('second-factor')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthSessionView, description: 'The sign-in is complete' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'The ticket is invalid or has expired' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'The account is disabled' })
  async secondFactor(
    @Body() dto: SecondFactorDto,
    @Res({ passthrough: true }) response: Response,
    @Headers('user-agent') userAgent?: string,
    @Headers('cookie') cookie?: string,
  ): Promise<AuthSessionView> {
    return this.remember(response, cookie, await this.auth.completeSecondFactor(dto, userAgent));
  }

  @Post('second-factor/passkey-options')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PasskeyOptionsView, description: 'Ask the browser for a passkey with these' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'The ticket is invalid or has expired' })
  passkeyOptions(@Body() dto: TicketDto): Promise<PasskeyOptionsView> {
    return this.auth.passkeyOptions(dto.ticket);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPair, description: 'A new pair; the presented refresh token is spent' })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Invalid, expired or already-used refresh token' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated()
  @ApiNoContentResponse({ description: 'The session is over; its refresh and access tokens no longer work' })
  logout(@Caller() caller: Caller): Promise<void> {
    return this.auth.logout(caller);
  }

  /** A completed sign-in remembers this browser for the account (see KnownDevices). */
  private remember<T extends object>(response: Response, cookie: string | undefined, result: T): T {
    if ('tokens' in result && 'user' in result) {
      response.setHeader(
        'Set-Cookie',
        this.knownDevices.remember(cookie, (result as AuthSessionView).user.id),
      );
    }
    return result;
  }
}

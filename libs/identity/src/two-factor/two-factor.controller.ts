import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { AuthThrottle, ErrorBody } from '@hearth/core';

import { Authenticated } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import {
  ConfirmPasswordDto,
  ConfirmTotpDto,
  FactorIdDto,
  RegisterPasskeyDto,
  StartTotpDto,
} from './dto/enrolment.dto.js';
import {
  PasskeyOptionsView,
  RecoveryCodesView,
  SecondFactorEnabledView,
  TotpSetupView,
  TwoFactorStatusView,
} from './dto/two-factor.view.js';
import { TwoFactorService } from './two-factor.service.js';

/** A person's own two-step verification: authenticator app, passkeys, recovery codes. */
@ApiTags('me')
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; `details` lists the fields' })
@Authenticated()
@AuthThrottle()
@Controller('me/two-factor')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get()
  @ApiOkResponse({ type: TwoFactorStatusView })
  status(@Caller() caller: Caller): Promise<TwoFactorStatusView> {
    return this.twoFactor.status(caller.userId);
  }

  @Post('totp')
  @ApiCreatedResponse({
    type: TotpSetupView,
    description: 'Scan the QR code, then confirm with a first code',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'An authenticator app is already set up' })
  startTotp(@Caller() caller: Caller, @Body() dto: StartTotpDto): Promise<TotpSetupView> {
    return this.twoFactor.startTotp(caller, dto);
  }

  @Post('totp/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SecondFactorEnabledView,
    description: 'The first factor turns two-step verification on, signs out other devices and returns codes',
  })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No setup in progress with this id' })
  confirmTotp(@Caller() caller: Caller, @Body() dto: ConfirmTotpDto): Promise<SecondFactorEnabledView> {
    return this.twoFactor.confirmTotp(caller, dto);
  }

  @Post('passkeys/options')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PasskeyOptionsView, description: 'For navigator.credentials.create()' })
  passkeyOptions(@Caller() caller: Caller): Promise<PasskeyOptionsView> {
    return this.twoFactor.passkeyOptions(caller);
  }

  @Post('passkeys')
  @ApiCreatedResponse({ type: SecondFactorEnabledView })
  @ApiConflictResponse({ type: ErrorBody, description: 'This passkey is already registered' })
  registerPasskey(
    @Caller() caller: Caller,
    @Body() dto: RegisterPasskeyDto,
    @Headers('user-agent') userAgent?: string,
  ): Promise<SecondFactorEnabledView> {
    return this.twoFactor.registerPasskey(caller, dto, userAgent);
  }

  @Post('factors/:id/remove')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TwoFactorStatusView, description: 'Removed; asks for the password' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: "A staff account's last second factor" })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many wrong passwords for this account' })
  remove(
    @Caller() caller: Caller,
    @Param() params: FactorIdDto,
    @Body() dto: ConfirmPasswordDto,
  ): Promise<TwoFactorStatusView> {
    return this.twoFactor.remove(caller, params.id, dto.password);
  }

  @Post('recovery-codes')
  @ApiCreatedResponse({ type: RecoveryCodesView, description: 'New codes; the old ones stop working' })
  @ApiConflictResponse({ type: ErrorBody, description: 'Two-step verification is not on' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many wrong passwords for this account' })
  async renewRecoveryCodes(
    @Caller() caller: Caller,
    @Body() dto: ConfirmPasswordDto,
  ): Promise<RecoveryCodesView> {
    return { recoveryCodes: await this.twoFactor.renewRecoveryCodes(caller, dto.password) };
  }
}

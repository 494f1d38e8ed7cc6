import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { AuthThrottle, ErrorBody } from '@hearth/core';

import { CompletePasswordResetDto, RequestPasswordResetDto } from './dto/password-reset.dto.js';
import { PasswordResetRequestedView } from './dto/password-reset.view.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; `details` lists the fields' })
@ApiTooManyRequestsResponse({
  type: ErrorBody,
  description: 'Too many requests from this address or for this email; Retry-After says when to try again',
})
@AuthThrottle()
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly passwordReset: PasswordResetService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: PasswordResetRequestedView,
    description:
      'The same answer whether or not an account uses the address; if one does, a link valid for 30 minutes ' +
      'is emailed to it',
  })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'This instance sends no email; ask an admin for a link',
  })
  request(@Body() dto: RequestPasswordResetDto, @Ip() ip: string): Promise<PasswordResetRequestedView> {
    return this.passwordReset.request(dto.email, ip);
  }

  @Post('complete')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The new password is set and every session of the account has ended' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'The account is disabled' })
  complete(@Body() dto: CompletePasswordResetDto): Promise<void> {
    return this.passwordReset.complete(dto);
  }
}

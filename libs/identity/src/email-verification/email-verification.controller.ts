import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { AuthThrottle, ErrorBody } from '@hearth/core';

import { Authenticated } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { VerifyEmailDto } from './dto/email-verification.dto.js';
import { EmailVerificationSentView } from './dto/email-verification.view.js';
import { EmailVerificationService } from './email-verification.service.js';

@ApiTags('auth')
@Controller('auth/verify-email')
export class VerifyEmailController {
  constructor(private readonly verification: EmailVerificationService) {}

  @Post()
  @AuthThrottle()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The address is verified' })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'Invalid input, or the link is invalid, used or expired',
  })
  verify(@Body() dto: VerifyEmailDto): Promise<void> {
    return this.verification.verify(dto.token);
  }
}

@ApiTags('me')
@Authenticated()
@Controller('me/email-verification')
export class EmailVerificationController {
  constructor(private readonly verification: EmailVerificationService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: EmailVerificationSentView, description: 'A new link (24 hours) is emailed' })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already verified, or this instance sends no email' })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: 'Too many links asked for; Retry-After says when',
  })
  resend(@Caller() caller: Caller): Promise<EmailVerificationSentView> {
    return this.verification.resend(caller);
  }
}

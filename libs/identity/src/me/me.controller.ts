import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';

import { ErrorBody } from '@hearth/core';

import { Authenticated } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { UserView } from '../users/dto/user.view.js';
import { AccountService } from './account.service.js';
import { UpdateMeDto } from './dto/update-me.dto.js';

@ApiTags('me')
@Authenticated()
@Controller('me')
export class MeController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOkResponse({ type: UserView })
  me(@Caller() caller: Caller): Promise<UserView> {
    return this.account.me(caller);
  }

  @Patch()
  @ApiOkResponse({ type: UserView })
  @ApiBadRequestResponse({
    type: ErrorBody,
    description: 'Invalid input, wrong current password or weak new password',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: 'Too many wrong current passwords for this account; Retry-After says when to try again',
  })
  update(@Caller() caller: Caller, @Body() dto: UpdateMeDto): Promise<UserView> {
    return this.account.update(caller, dto);
  }
}

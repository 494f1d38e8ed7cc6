import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { ErrorBody } from '@hearth/core';

import { Roles } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { UserView } from '../users/dto/user.view.js';
import { ResetLinkView } from '../password-reset/dto/password-reset.view.js';
import { PasswordResetService } from '../password-reset/password-reset.service.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';
import { AdminUsersService } from './admin-users.service.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserIdParam } from './dto/user-id.dto.js';
import { CreatedUserView, UserPageView } from './dto/user-page.view.js';

@ApiTags('admin')
@Roles('admin')
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; `details` lists the fields' })
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly admin: AdminUsersService,
    private readonly twoFactor: TwoFactorService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserPageView })
  list(@Caller() caller: Caller, @Query() query: ListUsersQuery): Promise<UserPageView> {
    return this.admin.list(caller, query);
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedUserView })
  @ApiConflictResponse({ type: ErrorBody, description: 'An account with this email already exists' })
  create(@Body() dto: CreateUserDto): Promise<CreatedUserView> {
    return this.admin.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'The last admin cannot be demoted or disabled' })
  update(
    @Caller() caller: Caller,
    @Param() { id }: UserIdParam,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.admin.update(caller, id, dto);
  }

  @Post(':id/second-factor/reset')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: UserView,
    description:
      'For a person who lost both the device and the recovery codes: removes every second factor and code and ' +
      'signs out every session. Check who is asking by another channel first.',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  resetSecondFactor(@Caller() caller: Caller, @Param() { id }: UserIdParam): Promise<UserView> {
    return this.twoFactor.resetFor(caller, id);
  }

  @Post(':id/reset-link')
  @ApiCreatedResponse({
    type: ResetLinkView,
    description:
      'A one-time link (30 minutes) to choose a new password, for an instance without email: hand it to the ' +
      'person by another channel. Using it ends every session of the account.',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'The account is disabled' })
  createResetLink(@Caller() caller: Caller, @Param() { id }: UserIdParam): Promise<ResetLinkView> {
    return this.passwordReset.createLink(caller, id);
  }
}
